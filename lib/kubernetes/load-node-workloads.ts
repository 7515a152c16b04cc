import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { authorize } from "@/lib/auth/guard";
import { listWorkloadPodsOnNode } from "@/lib/k8s/workload-pods";
import { loadServingContext } from "@/lib/troubleshoot/load-cluster-context";

import { type NodeWorkload, podsUsingWorkloadApi } from "./node-workloads";

/** The pods on one node that use the Workload API, with the deployment and SPIRE server whose agent serves them. */
export type NodeWorkloads = {
  cluster: string;
  deployment: string;
  /** The SPIRE server the deployment's agents attest to (config `spireServer`), when known. */
  server: string | null;
  node: string;
  pods: NodeWorkload[];
};

/**
 * The pods on `node` of `cluster` (default: the first configured) that reach the SPIRE agent there through
 * the CSI driver or the agent's socket hostPath: one list call filtered to the node. 404 for an unknown node.
 */
export async function getNodeWorkloads(input: { cluster?: string; node: string }): Promise<NodeWorkloads> {
  await authorize("kubernetes.read");
  const ctx = await loadServingContext(input.cluster, input.node);
  if (!ctx.nodes.some((n) => n.name === input.node))
    throw new ApiError("not_found", `Cluster ${ctx.cluster} has no node ${input.node}.`);
  const { settings } = ctx.clients.state;
  const pods = await listWorkloadPodsOnNode(ctx.clients, input.node);
  return {
    cluster: ctx.cluster,
    deployment: ctx.deployment,
    server: ctx.spireServer ?? null,
    node: input.node,
    pods: podsUsingWorkloadApi(pods, {
      driverName: ctx.csiDriverName,
      agentSocketDir: ctx.agentSocketDir,
      spireDaemonSets: [settings.agentDaemonSet, settings.csiDaemonSet],
    }),
  };
}
