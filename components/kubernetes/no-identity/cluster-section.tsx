import { StatePanel } from "@/components/ui/state-panel";
import type { ClusterNoIdentity } from "@/lib/no-identity/load-no-identity";
import { describeSuppression, type IdentitySuppression } from "@/lib/no-identity/suppression";

import { UnidentifiedPodTable } from "./unidentified-pod-table";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One cluster's part of the page: its state, the pods with no identity, and those its rules hide (folded). */
export function ClusterSection({ data, rules }: { data: ClusterNoIdentity; rules: readonly IdentitySuppression[] }) {
  const id = `no-identity-${data.cluster}`;
  const ruleText = (ids: readonly string[]) =>
    ids
      .map((r) => rules.find((x) => x.id === r))
      .flatMap((r) => (r ? [describeSuppression(r)] : []))
      .join(", ");
  return (
    <section aria-labelledby={id} className="space-y-3" data-testid="no-identity-cluster" data-cluster={data.cluster}>
      <h2 id={id} className="text-base font-semibold">
        Cluster {data.cluster}
        {data.status === "ok" ? `: ${plural(data.pods.length, "pod", "pods")} with no identity` : ""}
      </h2>
      {data.status !== "ok" ? (
        <StatePanel tone="error" title={data.status === "invalid" ? "Not configured correctly" : "Unreachable"}>
          {data.message}
        </StatePanel>
      ) : null}
      {data.serverErrors.map((e) => (
        <StatePanel key={e.server} tone="error" title={`Could not read server ${e.server}: its pods are not judged`}>
          {e.message}
        </StatePanel>
      ))}
      {data.controllerError ? (
        <p role="status" className="text-sm text-amber-800">
          Could not read spire-controller-manager&apos;s ClusterSPIFFEIDs: {data.controllerError} Pods they select are
          judged by SPIRE&apos;s entries alone.
        </p>
      ) : null}
      {data.status === "ok" ? (
        <p className="text-sm text-slate-600">
          {plural(data.assessed, "pod mounts", "pods mount")} the SPIFFE CSI volume or an agent socket
          {data.unassessed ? ` (and ${data.unassessed} whose server could not be read)` : ""}.
        </p>
      ) : null}
      {data.status === "ok" && data.pods.length === 0 ? (
        <p className="text-sm">Every pod that mounts the Workload API has an identity or is suppressed.</p>
      ) : null}
      {data.pods.length > 0 ? (
        <UnidentifiedPodTable
          cluster={data.cluster}
          pods={data.pods}
          caption={`Pods with no identity in ${data.cluster}`}
          testId="no-identity-row"
        />
      ) : null}
      {data.suppressed.length > 0 ? (
        <details className="space-y-2" data-testid="no-identity-suppressed">
          <summary className="cursor-pointer text-sm font-medium text-sky-800">
            {plural(data.suppressed.length, "pod", "pods")} suppressed: show
          </summary>
          <ul className="list-inside list-disc text-sm">
            {data.suppressed.map((p) => (
              <li key={p.uid} data-testid="no-identity-suppressed-row" data-pod={`${p.namespace}/${p.name}`}>
                <span className="font-mono">
                  {p.namespace}/{p.name}
                </span>{" "}
                — hidden by {ruleText(p.suppressedBy)}; {p.title}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
