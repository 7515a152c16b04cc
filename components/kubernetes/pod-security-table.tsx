import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PodSecurityCheck } from "@/lib/kubernetes/pod-security";

/** PodSecurity enforce level of each namespace running SPIRE agents or the CSI driver. */
export function PodSecurityTable({ checks }: { checks: PodSecurityCheck[] }) {
  return (
    <Table caption="PodSecurity of the namespaces running SPIRE" stack>
      <TableHeader>
        <TableRow>
          <TableHead>Namespace</TableHead>
          <TableHead>enforce</TableHead>
          <TableHead>Components</TableHead>
          <TableHead>Admits their pods</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {checks.map((check) => (
          <TableRow key={check.namespace} data-testid="k8s-podsecurity-row" data-namespace={check.namespace}>
            <TableCell data-label="Namespace" className="font-medium">
              {check.namespace}
            </TableCell>
            <TableCell data-label="enforce">{check.enforce ?? "(unset: cluster default)"}</TableCell>
            <TableCell data-label="Components">{check.components.join(", ")}</TableCell>
            <TableCell data-label="Admits their pods">
              {check.blocked ? <Badge tone="bad">Blocked</Badge> : <Badge tone="good">Yes</Badge>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
