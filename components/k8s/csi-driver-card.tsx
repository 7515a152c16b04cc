import { Card, CardBody, CardHeader } from "@/components/ui/card";
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
          <table className="w-full text-sm">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1">Field</th>
                <th>Expected</th>
                <th>Actual</th>
              </tr>
            </thead>
            <tbody>
              {driver.checks.map((c) => (
                <tr key={c.field} className={c.ok ? "" : "text-red-800"}>
                  <td className="py-1 font-mono text-xs">{c.field}</td>
                  <td>{c.expected}</td>
                  <td>
                    {c.actual}
                    {c.ok ? " ✓" : " ✗"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-slate-600">Not installed.</p>
        )}
      </CardBody>
    </Card>
  );
}
