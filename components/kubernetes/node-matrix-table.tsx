import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeText } from "@/components/ui/time-text";
import { kubernetesNodeAnchor } from "@/lib/kubernetes/node-anchor";
import type { NodeMatrix } from "@/lib/kubernetes/node-matrix";
import type { PodCell } from "@/lib/kubernetes/pod-status";
import { links } from "@/lib/links";

import { NodeWorkloadsToggle } from "./node-workloads";

function PodStatus({ pod }: { pod: PodCell | null }) {
  if (!pod) return <Badge tone="bad">no pod</Badge>;
  return (
    <div className="space-y-0.5">
      <Badge tone={pod.healthy ? "good" : "bad"}>{pod.status}</Badge>
      <div className="font-mono text-xs break-all text-slate-500">{pod.name}</div>
      <div className="text-xs text-slate-600">
        {pod.restarts} restart{pod.restarts === 1 ? "" : "s"}
      </div>
    </div>
  );
}

type NodeAgent = NodeMatrix["rows"][number]["spireAgents"][number];

function SpireAgent({ agent, now, server }: { agent: NodeAgent; now: number; server: string | null }) {
  return (
    <div className="space-y-0.5">
      {server ? (
        <Link
          href={links.agent(server, agent.spiffeId)}
          className="break-all font-mono text-xs text-sky-800 underline"
          data-testid="node-agent-link"
        >
          {agent.spiffeId}
        </Link>
      ) : (
        <div className="break-all font-mono text-xs">{agent.spiffeId}</div>
      )}
      <div className="text-xs text-slate-600">
        joined by {agent.joinedBy === "selector" ? "k8s_psat:agent_node_uid" : "SPIFFE ID"}
        {agent.expiresAt ? (
          <>
            {" "}
            · SVID expires <TimeText iso={agent.expiresAt} now={now} />
          </>
        ) : null}
        {agent.banned ? " · banned" : ""}
      </div>
    </div>
  );
}

/**
 * One row per node: agent pod, CSI pod, csi.spiffe.io registration, the SPIRE agent attested from it (linking to
 * its page on `server`), and the node's pods that use the Workload API (on demand).
 */
export function NodeMatrixTable({
  matrix,
  csiDriver,
  now,
  server,
  cluster,
}: {
  matrix: NodeMatrix;
  csiDriver: string;
  now: number;
  server: string | null;
  cluster?: string;
}) {
  return (
    <Table caption="SPIRE on each node" stack>
      <TableHeader>
        <TableRow>
          <TableHead>Node</TableHead>
          <TableHead>spire-agent pod</TableHead>
          <TableHead>CSI driver pod</TableHead>
          <TableHead>{csiDriver} registered</TableHead>
          <TableHead>SPIRE agent (k8s_psat)</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {matrix.rows.map((row) => (
          <TableRow
            key={row.node}
            id={kubernetesNodeAnchor(row.node)}
            className="scroll-mt-20"
            data-testid="k8s-node-row"
            data-node={row.node}
          >
            <TableCell data-label="Node">
              <div className="font-medium">{row.node}</div>
              <div className="font-mono text-xs break-all text-slate-500">{row.uid}</div>
              {row.ready ? null : <Badge tone="bad">NotReady</Badge>}
              <NodeWorkloadsToggle node={row.node} cluster={cluster} server={server ?? undefined} />
            </TableCell>
            <TableCell data-label="spire-agent pod">
              <PodStatus pod={row.agentPod} />
            </TableCell>
            <TableCell data-label="CSI driver pod">
              <PodStatus pod={row.csiPod} />
            </TableCell>
            <TableCell data-label={`${csiDriver} registered`}>
              {row.csiRegistered ? <Badge tone="good">Registered</Badge> : <Badge tone="bad">Not registered</Badge>}
            </TableCell>
            <TableCell data-label="SPIRE agent (k8s_psat)">
              {row.spireAgents.length === 0 ? (
                <Badge tone={matrix.spireAgentsKnown ? "warn" : "neutral"}>
                  {matrix.spireAgentsKnown ? "no agent" : "unknown"}
                </Badge>
              ) : (
                row.spireAgents.map((agent) => (
                  <SpireAgent key={agent.spiffeId} agent={agent} now={now} server={server} />
                ))
              )}
            </TableCell>
          </TableRow>
        ))}
        {matrix.orphanAgents.map((agent) => (
          <TableRow key={agent.spiffeId} data-testid="k8s-orphan-agent" className="bg-amber-50">
            <TableCell className="text-amber-900" colSpan={4}>
              Node with UID <span className="font-mono">{agent.nodeUid}</span> no longer exists
            </TableCell>
            <TableCell className="break-all font-mono text-xs">{agent.spiffeId}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
