import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TimeText } from "@/components/ui/time-text";
import { formatDuration } from "@/lib/format/time";
import type { ServerStatus } from "@/lib/overview/server-status";
import type { ServerSummary } from "@/lib/spire/types";

function Count({ label, value, title }: { label: string; value: number | undefined; title?: string }) {
  return (
    <div title={title}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value ?? "–"}</dd>
    </div>
  );
}

const countedBy = {
  index: "Counted by the console's entry index, as the Entries tree counts them",
  spire: "Counted by SPIRE (CountEntries)",
} as const;

const badge = {
  healthy: { tone: "good", label: "Healthy" },
  degraded: { tone: "warn", label: "Degraded" },
  down: { tone: "bad", label: "Down" },
  checking: { tone: "neutral", label: "Checking…" },
} as const;

/** One server's state (Healthy, Degraded or Down, with the reason), counts and server SVID expiry. */
export function ServerHealthCard({
  server,
  status,
  now,
}: {
  server: ServerSummary;
  status: ServerStatus;
  now: number;
}) {
  return (
    <Card data-testid={`server-card-${server.name}`} data-state={status.state} className="min-w-0">
      <CardHeader>
        <div className="min-w-0">
          <h2 className="font-semibold">{server.name}</h2>
          <p className="truncate font-mono text-xs text-slate-500">
            {server.trustDomain ?? server.expectedTrustDomain ?? server.address}
          </p>
        </div>
        <Badge tone={badge[status.state].tone} data-testid="server-status">
          {badge[status.state].label}
        </Badge>
      </CardHeader>
      <CardBody className="space-y-3">
        <p
          role={status.state === "down" ? "alert" : undefined}
          data-testid="server-status-reason"
          className={
            status.state === "down"
              ? "rounded-md bg-red-50 p-2 text-sm text-red-900"
              : status.state === "degraded"
                ? "rounded-md bg-amber-50 p-2 text-sm text-amber-900"
                : "text-sm text-slate-600"
          }
        >
          {status.reason}
        </p>
        <dl className="grid grid-cols-3 gap-3">
          <Count
            label="Entries"
            value={server.counts?.entries}
            title={server.entriesCountedBy ? countedBy[server.entriesCountedBy] : undefined}
          />
          <Count label="Agents" value={server.counts?.agents} />
          <Count label="Federated bundles" value={server.counts?.federatedBundles} />
        </dl>
        <dl className="grid grid-cols-2 gap-3 text-sm">
          <div>
            <dt className="text-xs text-slate-500">Uptime</dt>
            <dd>{server.uptimeSeconds !== null ? formatDuration(server.uptimeSeconds) : "–"}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Server SVID expires</dt>
            <dd>{server.serverSvidExpiresAt ? <TimeText iso={server.serverSvidExpiresAt} now={now} /> : "–"}</dd>
          </div>
        </dl>
        <p className="truncate font-mono text-xs text-slate-500" title={server.address}>
          {server.address}
        </p>
      </CardBody>
    </Card>
  );
}
