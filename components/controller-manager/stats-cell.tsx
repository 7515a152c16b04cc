import type { K8sClusterSpiffeId } from "@/lib/k8s/types";

const labels: [keyof NonNullable<K8sClusterSpiffeId["stats"]>, string][] = [
  ["namespacesSelected", "namespaces selected"],
  ["namespacesIgnored", "namespaces ignored"],
  ["podsSelected", "pods selected"],
  ["podEntryRenderFailures", "render failures"],
  ["entriesToSet", "entries to set"],
  ["entryFailures", "entry failures"],
  ["entriesMasked", "entries masked"],
];

/** A ClusterSPIFFEID's status numbers, as its controller last wrote them. */
export function StatsList({ stats }: { stats: K8sClusterSpiffeId["stats"] }) {
  if (!stats) return <span className="text-xs text-slate-600">no status yet (not reconciled)</span>;
  return (
    <dl className="grid grid-cols-[auto_auto] gap-x-3 text-xs" data-testid="status-stats">
      {labels.map(([key, label]) => (
        <div key={key} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd
            data-stat={key}
            className={
              (key === "entryFailures" || key === "podEntryRenderFailures") && stats[key] > 0
                ? "font-semibold text-red-800"
                : "tabular-nums"
            }
          >
            {stats[key]}
          </dd>
        </div>
      ))}
    </dl>
  );
}
