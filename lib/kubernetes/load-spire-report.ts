import "server-only";

import { allows, authorize } from "@/lib/auth/guard";
import { getK8sClients } from "@/lib/k8s/client";
import { getBundleConfigMap } from "@/lib/k8s/configmaps";
import { getCsiDriver, listCsiNodes } from "@/lib/k8s/csi";
import { listDaemonSetsNamed } from "@/lib/k8s/daemonsets";
import { listFailedMountEvents, listWarningEvents } from "@/lib/k8s/events";
import { listNamespaces } from "@/lib/k8s/namespaces";
import { listNodes } from "@/lib/k8s/nodes";
import { listPods, toLabelSelector } from "@/lib/k8s/pods";
import { getStatefulSet } from "@/lib/k8s/statefulsets";
import { buildSpireReport, type KubernetesSnapshot, type KubernetesSpireReport } from "@/lib/kubernetes/build-report";

import { readSpireSide } from "./read-spire-side";

/**
 * Reads SPIRE's Kubernetes footprint (all calls in parallel, each with the configured
 * deadline) plus the matching SPIRE agents and bundle, and builds the report.
 * Throws 503 `not_configured` when no cluster is configured.
 */
export async function getSpireReport(now = Date.now()): Promise<KubernetesSpireReport> {
  await authorize("kubernetes.read");
  const clients = getK8sClients();
  const { settings, cluster, source } = clients.state;
  const names = {
    namespace: settings.namespace,
    serverNamespace: settings.serverNamespace,
    serverStatefulSet: settings.serverStatefulSet,
    agentDaemonSet: settings.agentDaemonSet,
    csiDaemonSet: settings.csiDaemonSet,
    csiDriver: settings.csiDriver,
    bundleConfigMap: settings.bundleConfigMap,
  };
  const [
    nodes,
    namespaces,
    daemonSets,
    statefulSet,
    pods,
    csiDriver,
    csiNodes,
    warningEvents,
    failedMountEvents,
    bundleConfigMap,
    spire,
  ] = await Promise.all([
    listNodes(clients),
    listNamespaces(clients),
    listDaemonSetsNamed(clients, [names.agentDaemonSet, names.csiDaemonSet]),
    getStatefulSet(clients, names.serverNamespace, names.serverStatefulSet),
    listPods(clients, names.namespace),
    getCsiDriver(clients, names.csiDriver),
    listCsiNodes(clients),
    listWarningEvents(clients, names.namespace),
    listFailedMountEvents(clients),
    getBundleConfigMap(clients, names.namespace, names.bundleConfigMap),
    readSpireSide(settings.spireServer),
  ]);
  const serverPods = statefulSet
    ? names.serverNamespace === names.namespace
      ? pods.filter((p) => Object.entries(statefulSet.selector).every(([k, v]) => p.labels[k] === v))
      : await listPods(clients, names.serverNamespace, toLabelSelector(statefulSet.selector))
    : [];
  const snapshot: KubernetesSnapshot = {
    names,
    cluster: {
      name: cluster.name,
      server: cluster.server,
      // Where the kubeconfig file lives is for admins only.
      source:
        source.kind === "kubeconfig"
          ? `kubeconfig ${(await allows("tokens.manage")) ? source.path : "(path hidden)"} (context ${source.context})`
          : "in-cluster service account",
      psatCluster: settings.psatCluster ?? cluster.name,
    },
    nodes,
    namespaces,
    daemonSets,
    statefulSet,
    serverPods,
    pods,
    csiDriver,
    csiNodes,
    warningEvents,
    failedMountEvents,
    bundleConfigMap,
    spire,
  };
  return buildSpireReport(snapshot, now);
}

export type NodeMatrixResponse = Pick<KubernetesSpireReport, "cluster" | "matrix" | "spire"> & {
  problems: KubernetesSpireReport["problems"];
};

/** The per-node matrix of the report, with the problems about nodes, agents and the CSI driver. */
export async function getNodeMatrix(): Promise<NodeMatrixResponse> {
  await authorize("kubernetes.read");
  const report = await getSpireReport();
  const areas = new Set(["nodes", "agents", "csi-driver"]);
  return {
    cluster: report.cluster,
    matrix: report.matrix,
    spire: report.spire,
    problems: report.problems.filter((p) => areas.has(p.area)),
  };
}
