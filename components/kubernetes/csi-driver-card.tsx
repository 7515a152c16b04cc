import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CsiDriverReport } from "@/lib/kubernetes/check-csi-driver";

import { HealthBadge } from "./health-badge";

/** The CSIDriver spec check: each field, expected vs actual. */
export function CsiDriverCard({ driver }: { driver: CsiDriverReport }) {
  return (
    <Card data-testid="k8s-csidriver-card">
      <CardHeader>
        <h3 className="font-medium">
          CSIDriver <span className="font-mono text-xs">{driver.name}</span>
        </h3>
        <HealthBadge healthy={driver.healthy} bad={driver.found ? "Misconfigured" : "Missing"} />
      </CardHeader>
      <CardBody>
        {driver.found ? (
          <Table caption={`Spec of the CSIDriver ${driver.name}`} variant="bare" stack>
            <TableHeader tone="plain">
              <TableRow>
                <TableHead className="py-1 pl-0">Field</TableHead>
                <TableHead className="py-1">Expected</TableHead>
                <TableHead className="py-1">Actual</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody className="divide-y-0">
              {driver.checks.map((c) => (
                <TableRow key={c.field} className={c.ok ? "" : "text-red-800"}>
                  <TableCell data-label="Field" className="py-1 pl-0 font-mono text-xs">
                    {c.field}
                  </TableCell>
                  <TableCell data-label="Expected" className="py-1">
                    {c.expected}
                  </TableCell>
                  <TableCell data-label="Actual" className="py-1">
                    {c.actual}
                    {c.ok ? " ✓" : " ✗"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <p className="text-sm text-slate-600">Not installed.</p>
        )}
      </CardBody>
    </Card>
  );
}
