import "server-only";

import { cache } from "react";

import { getK8sClients, type K8sClients } from "@/lib/k8s/client";
import { getCsiDriver, listCsiNodes } from "@/lib/k8s/csi";
import { listDaemonSetsNamed } from "@/lib/k8s/daemonsets";
import { listNodes } from "@/lib/k8s/nodes";
import { listPods, toLabelSelector } from "@/lib/k8s/pods";
import type { K8sCsiNode, K8sNode, K8sPod } from "@/lib/k8s/types";
import { checkCsiDriver } from "@/lib/kubernetes/check-csi-driver";
import { toPodCell } from "@/lib/kubernetes/pod-status";
import { agentSocketHostPath } from "@/lib/kubernetes/socket-paths";
import type { CsiState } from "@/lib/troubleshoot/check-delivery";

export type ClusterContext = {
  clients: K8sClients;
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
 * Nodes, CSI driver, CSI pods and the agent socket directory of the configured cluster, read once
 * per page render. Throws 503 `not_configured` without one.
 */
export const loadClusterContext = cache(async function loadClusterContext(): Promise<ClusterContext> {
  const clients = getK8sClients();
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
