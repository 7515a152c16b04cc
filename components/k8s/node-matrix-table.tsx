import { Badge } from "@/components/ui/badge";
import type { PodCell } from "@/lib/kubernetes/pod-status";
import type { NodeMatrix } from "@/lib/kubernetes/node-matrix";
import { formatAbsolute, formatRelative } from "@/lib/format/time";

function PodStatus({ pod }: { pod: PodCell | null }) {
  if (!pod) return <Badge tone="bad">no pod</Badge>;
  return (
    <div className="space-y-0.5">
      <Badge tone={pod.healthy ? "good" : "bad"}>{pod.status}</Badge>
      <div className="font-mono text-xs text-slate-500">{pod.name}</div>
      <div className="text-xs text-slate-600">
        {pod.restarts} restart{pod.restarts === 1 ? "" : "s"}
      </div>
    </div>
  );
}

/** One row per node: agent pod, CSI pod, csi.spiffe.io registration, the SPIRE agent attested from it. */
export function NodeMatrixTable({ matrix, csiDriver, now }: { matrix: NodeMatrix; csiDriver: string; now: number }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">Node</th>
            <th className="px-3 py-2">spire-agent pod</th>
            <th className="px-3 py-2">CSI driver pod</th>
            <th className="px-3 py-2">{csiDriver} registered</th>
            <th className="px-3 py-2">SPIRE agent (k8s_psat)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {matrix.rows.map((row) => (
            <tr key={row.node} data-testid="k8s-node-row" data-node={row.node} className="align-top">
              <td className="px-3 py-2">
                <div className="font-medium">{row.node}</div>
                <div className="font-mono text-xs text-slate-500">{row.uid}</div>
                {row.ready ? null : <Badge tone="bad">NotReady</Badge>}
              </td>
              <td className="px-3 py-2">
                <PodStatus pod={row.agentPod} />
              </td>
              <td className="px-3 py-2">
                <PodStatus pod={row.csiPod} />
              </td>
              <td className="px-3 py-2">
                {row.csiRegistered ? <Badge tone="good">Registered</Badge> : <Badge tone="bad">Not registered</Badge>}
              </td>
              <td className="px-3 py-2">
                {row.spireAgents.length === 0 ? (
                  <Badge tone={matrix.spireAgentsKnown ? "warn" : "neutral"}>
                    {matrix.spireAgentsKnown ? "no agent" : "unknown"}
                  </Badge>
                ) : (
                  row.spireAgents.map((agent) => (
                    <div key={agent.spiffeId} className="space-y-0.5">
                      <div className="break-all font-mono text-xs">{agent.spiffeId}</div>
                      <div className="text-xs text-slate-600">
                        joined by {agent.joinedBy === "selector" ? "k8s_psat:agent_node_uid" : "SPIFFE ID"}
                        {agent.expiresAt ? (
                          <>
                            {" "}
                            · SVID expires{" "}
                            <time dateTime={agent.expiresAt} title={formatAbsolute(agent.expiresAt)}>
                              {formatRelative(agent.expiresAt, now)}
                            </time>
                          </>
                        ) : null}
                        {agent.banned ? " · banned" : ""}
                      </div>
                    </div>
                  ))
                )}
              </td>
            </tr>
          ))}
          {matrix.orphanAgents.map((agent) => (
            <tr key={agent.spiffeId} data-testid="k8s-orphan-agent" className="bg-amber-50">
              <td className="px-3 py-2 text-amber-900" colSpan={4}>
                Node with UID <span className="font-mono">{agent.nodeUid}</span> no longer exists
              </td>
              <td className="break-all px-3 py-2 font-mono text-xs">{agent.spiffeId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
