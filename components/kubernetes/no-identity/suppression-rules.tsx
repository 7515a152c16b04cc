import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ClusterNoIdentity } from "@/lib/no-identity/load-no-identity";
import { describeSuppression, type IdentitySuppression } from "@/lib/no-identity/suppression";

import { DeleteSuppressionButton } from "./delete-suppression-button";

/** The stored rules, each with how many pods it hides now; Delete for those who may change them. */
export function SuppressionRules({
  rules,
  clusters,
  canChange,
}: {
  rules: readonly IdentitySuppression[];
  clusters: readonly ClusterNoIdentity[];
  canChange: boolean;
}) {
  if (rules.length === 0) return <p className="text-sm">No rules: every pod with no identity is listed.</p>;
  const hides = (id: string) =>
    clusters.reduce((n, c) => n + c.suppressed.filter((p) => p.suppressedBy.includes(id)).length, 0);
  return (
    <Table caption="Suppression rules" stack>
      <TableHeader>
        <TableRow>
          <TableHead>Cluster</TableHead>
          <TableHead>Hides</TableHead>
          <TableHead>Why</TableHead>
          <TableHead>Added by</TableHead>
          <TableHead>Pods hidden now</TableHead>
          {canChange ? <TableHead>Change</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rules.map((r) => (
          <TableRow key={r.id} data-testid="suppression-row" data-rule={`${r.cluster}/${describeSuppression(r)}`}>
            <TableCell data-label="Cluster">{r.cluster}</TableCell>
            <TableCell data-label="Hides" className="font-mono break-all">
              {describeSuppression(r)}
            </TableCell>
            <TableCell data-label="Why" className="break-words">
              {r.reason}
            </TableCell>
            <TableCell data-label="Added by">
              {r.createdBy}, {new Date(r.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC
            </TableCell>
            <TableCell data-label="Pods hidden now">{hides(r.id)}</TableCell>
            {canChange ? (
              <TableCell data-label="Change">
                <DeleteSuppressionButton id={r.id} label={describeSuppression(r)} hidden={hides(r.id)} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
