import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TimeText } from "@/components/ui/time-text";
import type { BundleComparison } from "@/lib/kubernetes/compare-bundle";

import { HealthBadge } from "./health-badge";

/** The trust-bundle ConfigMap's CAs vs the SPIRE server's current bundle. */
export function BundleCard({
  bundle,
  serverName,
  serverError,
  now,
}: {
  bundle: BundleComparison;
  serverName: string | null;
  serverError: string | null;
  /** When the report was made (epoch ms), for relative times. */
  now: number;
}) {
  const when = (iso: string | null) => (iso ? <TimeText iso={iso} now={now} /> : "—");
  return (
    <Card data-testid="k8s-bundle-card">
      <CardHeader>
        <h3 className="font-medium">
          Trust bundle ConfigMap{" "}
          <span className="text-xs text-slate-500">
            {bundle.namespace}/{bundle.name}
          </span>
        </h3>
        {bundle.upToDate === null ? null : <HealthBadge healthy={bundle.upToDate} bad="Stale" />}
      </CardHeader>
      <CardBody className="space-y-1 text-sm">
        {!bundle.found ? (
          <p>Not found.</p>
        ) : (
          <>
            <p>
              ConfigMap: {bundle.configMapCount} CA(s), newest expires{" "}
              <span data-testid="k8s-bundle-cm-notafter">{when(bundle.configMapNotAfter)}</span>
            </p>
            <p>
              Server {serverName ?? ""}: {bundle.serverCount ?? "?"} CA(s), newest expires {when(bundle.serverNotAfter)}
            </p>
            {bundle.upToDate ? (
              <p className="text-emerald-800">Up to date with the server&apos;s current bundle.</p>
            ) : null}
            {bundle.missing.length ? (
              <p className="text-red-800">Missing {bundle.missing.length} of the server&apos;s CAs.</p>
            ) : null}
          </>
        )}
        {serverError ? <p className="text-amber-800">Could not read the server&apos;s bundle: {serverError}</p> : null}
      </CardBody>
    </Card>
  );
}
