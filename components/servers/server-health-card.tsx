import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatAbsolute, formatDuration, formatRelative } from "@/lib/format/time";
import type { ServerSummary } from "@/lib/spire/types";

function Count({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value ?? "–"}</dd>
    </div>
  );
}

/** One server's health, counts and server SVID expiry, or why it cannot be reached. */
export function ServerHealthCard({ server, now }: { server: ServerSummary; now: number }) {
  return (
    <Card data-testid={`server-card-${server.name}`}>
      <CardHeader>
        <div>
          <h2 className="font-semibold">{server.name}</h2>
          <p className="font-mono text-xs text-slate-500">
            {server.trustDomain ?? server.expectedTrustDomain ?? server.address}
          </p>
        </div>
        <Badge tone={server.healthy ? "good" : "bad"}>{server.healthy ? "Healthy" : "Unhealthy"}</Badge>
      </CardHeader>
      <CardBody className="space-y-3">
        {server.error ? (
          <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-900">
            {server.error.message}
          </p>
        ) : null}
        <dl className="grid grid-cols-3 gap-3">
          <Count label="Entries" value={server.counts?.entries} />
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
            <dd title={server.serverSvidExpiresAt ? formatAbsolute(server.serverSvidExpiresAt) : undefined}>
              {server.serverSvidExpiresAt ? formatRelative(server.serverSvidExpiresAt, now) : "–"}
            </dd>
          </div>
        </dl>
        <p className="truncate font-mono text-xs text-slate-500" title={server.address}>
          {server.address}
        </p>
      </CardBody>
    </Card>
  );
}
