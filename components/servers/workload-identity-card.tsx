"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { TimeText } from "@/components/ui/time-text";
import type { ServersResponse } from "@/lib/servers/list-server-summaries";
import type { WorkloadApiStatus } from "@/lib/spiffe/x509-source";

import { useServers } from "./use-servers";

const stateTone = { ready: "good", connecting: "info", down: "bad" } as const;

function IdentityRow({ status, now }: { status: WorkloadApiStatus; now: number }) {
  return (
    <div className="space-y-2" data-testid="workload-identity">
      <div className="flex min-w-0 flex-wrap items-center justify-between gap-2">
        {status.spiffeId ? (
          <SpiffeId value={status.spiffeId} className="text-sm" />
        ) : (
          <p className="font-mono text-sm">no SVID yet</p>
        )}
        <Badge tone={status.expired ? "bad" : stateTone[status.state]}>
          {status.expired
            ? "SVID expired"
            : status.state === "ready"
              ? "Workload API up"
              : status.state === "down"
                ? "Workload API down"
                : "Connecting"}
        </Badge>
      </div>
      {status.error ? (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-900">
          {status.error}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-xs text-slate-500">SVID expires</dt>
          <dd data-testid="workload-svid-expires">
            {status.expiresAt ? <TimeText iso={status.expiresAt} now={now} /> : "–"}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Last update</dt>
          <dd>{status.lastUpdate ? <TimeText iso={status.lastUpdate} now={now} /> : "–"}</dd>
        </div>
        <div className="col-span-2">
          <dt className="text-xs text-slate-500">Trusted bundles</dt>
          <dd className="font-mono text-xs break-all">{status.trustDomains.join(", ") || "–"}</dd>
        </div>
      </dl>
      <p className="truncate font-mono text-xs text-slate-500" title={status.socket}>
        {status.socket || "no socket"}
      </p>
    </div>
  );
}

/**
 * The console's own SPIFFE identity (its X509-SVID from a SPIRE agent's Workload API), live.
 * Renders nothing when no server is reached with the Workload API.
 */
export function WorkloadIdentityCard({
  initialData,
  renderedAt,
}: {
  initialData: ServersResponse;
  renderedAt: number;
}) {
  const { data, dataUpdatedAt } = useServers(initialData, renderedAt);
  const statuses = data?.workloadApi ?? [];
  if (statuses.length === 0) return null;
  return (
    <Card data-testid="workload-identity-card">
      <CardHeader>
        <h2 className="font-semibold">Console identity</h2>
        <span className="text-xs text-slate-500">SPIFFE Workload API</span>
      </CardHeader>
      <CardBody className="space-y-4">
        {statuses.map((status) => (
          <IdentityRow key={status.socket} status={status} now={dataUpdatedAt} />
        ))}
      </CardBody>
    </Card>
  );
}
