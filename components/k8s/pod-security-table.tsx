import { Badge } from "@/components/ui/badge";
import type { PodSecurityCheck } from "@/lib/kubernetes/pod-security";

/** PodSecurity enforce level of each namespace running SPIRE agents or the CSI driver. */
export function PodSecurityTable({ checks }: { checks: PodSecurityCheck[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">Namespace</th>
            <th className="px-3 py-2">enforce</th>
            <th className="px-3 py-2">Components</th>
            <th className="px-3 py-2">Admits their pods</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {checks.map((check) => (
            <tr key={check.namespace} data-testid="k8s-podsecurity-row" data-namespace={check.namespace}>
              <td className="px-3 py-2 font-medium">{check.namespace}</td>
              <td className="px-3 py-2">{check.enforce ?? "(unset: cluster default)"}</td>
              <td className="px-3 py-2">{check.components.join(", ")}</td>
              <td className="px-3 py-2">
                {check.blocked ? <Badge tone="bad">Blocked</Badge> : <Badge tone="good">Yes</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
