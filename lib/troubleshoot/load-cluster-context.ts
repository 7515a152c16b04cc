import "server-only";

import { cache } from "react";

import { getK8sClients, type K8sClients } from "@/lib/k8s/client";
import { resolveK8sClusters } from "@/lib/k8s/config";
import { getCsiDriver, listCsiNodes } from "@/lib/k8s/csi";
import { listDaemonSetsNamed } from "@/lib/k8s/daemonsets";
import { listNodes } from "@/lib/k8s/nodes";
import { listPods, toLabelSelector } from "@/lib/k8s/pods";
import type { K8sCsiNode, K8sNode, K8sPod } from "@/lib/k8s/types";
import { checkCsiDriver } from "@/lib/kubernetes/check-csi-driver";
import { toPodCell } from "@/lib/kubernetes/pod-status";
import { pickServingDeployment } from "@/lib/kubernetes/serving-deployment";
import { agentSocketHostPath } from "@/lib/kubernetes/socket-paths";
import type { CsiState } from "@/lib/troubleshoot/check-delivery";

export type ClusterContext = {
  clients: K8sClients;
  /** The cluster's and the deployment's names in the console config. */
  cluster: string;
  deployment: string;
  /** Labels a node needs for this deployment's agents to run on it (its agent DaemonSet's nodeSelector). */
  agentNodeSelector: Record<string, string>;
  /** The cluster name in k8s_psat agent IDs. */
  psatCluster: string;
  spireServer: string | undefined;
  nodes: K8sNode[];
  csiNodes: K8sCsiNode[];
  csiDriverName: string;
  csiDriverInstalled: boolean;
  csiDriverHealthy: boolean;
  csiPods: K8sPod[];
  agentSocketDir: string | null;
  serverNamespace: string;
  serverStatefulSet: string;
};

/**
 * Nodes, CSI driver, CSI pods and the agent socket directory of one deployment in one cluster
 * (default: the first configured), read once per page render. Throws 503 `not_configured`
 * without Kubernetes, 404 for an unknown cluster or deployment.
 */
export const loadClusterContext = cache(async function loadClusterContext(
  clusterName?: string,
  deploymentName?: string,
): Promise<ClusterContext> {
  const clients = getK8sClients({ cluster: clusterName, deployment: deploymentName });
  const { settings, cluster } = clients.state;
  const [nodes, csiNodes, driver, daemonSets] = await Promise.all([
    listNodes(clients),
    listCsiNodes(clients),
    getCsiDriver(clients, settings.csiDriver),
    listDaemonSetsNamed(clients, [settings.agentDaemonSet, settings.csiDaemonSet]),
  ]);
  const inNamespace = (name: string) =>
    daemonSets.find((d) => d.name === name && d.namespace === settings.namespace) ?? null;
  const csiDs = inNamespace(settings.csiDaemonSet);
  const agentDs = inNamespace(settings.agentDaemonSet);
  const csiPods = csiDs ? await listPods(clients, settings.namespace, toLabelSelector(csiDs.selector)) : [];
  return {
    clients,
    cluster: clients.state.clusterName,
    deployment: clients.state.deploymentName,
    agentNodeSelector: agentDs?.template.nodeSelector ?? {},
    psatCluster: settings.psatCluster ?? cluster.name,
    spireServer: settings.spireServer,
    nodes,
    csiNodes,
    csiPods,
    csiDriverName: settings.csiDriver,
    csiDriverInstalled: driver !== null,
    csiDriverHealthy: checkCsiDriver(driver, settings.csiDriver).report.healthy,
    agentSocketDir: agentDs ? (agentSocketHostPath(agentDs)?.path ?? null) : null,
    serverNamespace: settings.serverNamespace,
    serverStatefulSet: settings.serverStatefulSet,
  };
});

/** The CSI state on one node, for the delivery check. */
export function csiStateOn(ctx: ClusterContext, nodeName: string | null): CsiState {
  const pod = ctx.csiPods.find((p) => p.nodeName === nodeName);
  return {
    driverName: ctx.csiDriverName,
    driverInstalled: ctx.csiDriverInstalled,
    driverHealthy: ctx.csiDriverHealthy,
    registeredOnNode: ctx.nodes.some((n) => n.name === nodeName)
      ? (ctx.csiNodes.find((c) => c.name === nodeName)?.drivers.some((d) => d.name === ctx.csiDriverName) ?? false)
      : null,
    podHealthy: pod ? toPodCell(pod).healthy : null,
    agentSocketDir: ctx.agentSocketDir,
  };
}

/**
 * The deployment of `clusterName` whose agents run on `nodeName` (its agent DaemonSet's
 * nodeSelector matches the node's labels); the cluster's first deployment when none or the node
 * is unknown.
 */
export async function loadServingContext(clusterName: string | undefined, nodeName: string | null) {
  const first = await loadClusterContext(clusterName);
  const names = first.clients.state.status === "ok" ? deploymentNamesOf(first.cluster) : [];
  if (names.length < 2) return first;
  const contexts = await Promise.all(names.map((d) => loadClusterContext(first.cluster, d)));
  const node = first.nodes.find((n) => n.name === nodeName);
  return pickServingDeployment(contexts, node?.labels ?? null) ?? first;
}

function deploymentNamesOf(clusterName: string): string[] {
  const all = resolveK8sClusters();
  if (all.status !== "ok") return [];
  const found = all.clusters.find((c) => c.name === clusterName);
  return found?.status === "ok" ? found.deployments.map((d) => d.deploymentName) : [];
}
