import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DeploymentHealth } from "@/lib/kubernetes/load-deployments";
import { links } from "@/lib/links";

function Health({ d }: { d: DeploymentHealth }) {
  if (d.status === "unreachable") return <Badge tone="bad">Unreachable</Badge>;
  if (d.status === "invalid") return <Badge tone="bad">Not usable</Badge>;
  if (d.healthy) return <Badge tone="good">{d.warnings ? `Healthy, ${d.warnings} warnings` : "Healthy"}</Badge>;
  return <Badge tone="bad">{`${d.errors} errors${d.warnings ? `, ${d.warnings} warnings` : ""}`}</Badge>;
}

/** Every SPIRE deployment of every configured cluster (cluster × namespace × server) with its health. */
export function DeploymentList({
  deployments,
  selected,
}: {
  deployments: DeploymentHealth[];
  selected: { cluster: string; deployment: string } | null;
}) {
  return (
    <Table caption="SPIRE deployments in every cluster" stack>
      <TableHeader>
        <TableRow>
          <TableHead>Cluster</TableHead>
          <TableHead>Deployment</TableHead>
          <TableHead>Namespace</TableHead>
          <TableHead>SPIRE server</TableHead>
          <TableHead>Nodes with an agent</TableHead>
          <TableHead>Health</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {deployments.map((d) => {
          const current = selected?.cluster === d.cluster && selected.deployment === d.deployment;
          return (
            <TableRow
              key={`${d.cluster}/${d.deployment}`}
              data-testid="k8s-deployment-row"
              data-cluster={d.cluster}
              data-deployment={d.deployment}
              data-status={d.status}
              className={current ? "bg-sky-50" : undefined}
            >
              <TableCell data-label="Cluster" className="font-medium">
                {d.cluster}
              </TableCell>
              <TableCell data-label="Deployment">
                {d.status === "invalid" ? (
                  d.deployment
                ) : (
                  <Link
                    href={links.kubernetes(undefined, { cluster: d.cluster, deployment: d.deployment })}
                    aria-current={current ? "page" : undefined}
                    className="text-sky-800 hover:underline"
                  >
                    {d.deployment}
                  </Link>
                )}
              </TableCell>
              <TableCell data-label="Namespace" className="font-mono text-xs">
                {d.namespace ?? "—"}
              </TableCell>
              <TableCell data-label="SPIRE server">{d.spireServer ?? "—"}</TableCell>
              <TableCell data-label="Nodes with an agent" className="tabular-nums">
                {d.status === "ok" ? `${d.agents}/${d.nodes}` : "—"}
              </TableCell>
              <TableCell data-label="Health">
                <Health d={d} />
                {d.message ? <span className="mt-1 block text-xs break-words text-red-800">{d.message}</span> : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
