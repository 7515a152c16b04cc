import "server-only";

import { allows, authorize } from "@/lib/auth/guard";
import { getK8sClients } from "@/lib/k8s/client";
import { resolveK8sClusters } from "@/lib/k8s/config";
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

/** Which deployment of which cluster; absent means the first configured. */
export type DeploymentRef = { cluster?: string; deployment?: string };

/**
 * Reads one SPIRE deployment's Kubernetes footprint (all calls in parallel, each with the
 * cluster's deadline) plus the matching SPIRE agents and bundle, and builds the report.
 * Throws 503 `not_configured` when no cluster is configured, 404 for an unknown cluster or deployment.
 */
export async function getSpireReport(now = Date.now(), ref: DeploymentRef = {}): Promise<KubernetesSpireReport> {
  await authorize("kubernetes.read");
  const clients = getK8sClients(ref);
  const { settings, cluster, source } = clients.state;
  const names = {
    namespace: settings.namespace,
    serverNamespace: settings.serverNamespace,
    serverStatefulSet: settings.serverStatefulSet,
    agentDaemonSet: settings.agentDaemonSet,
    csiDaemonSet: settings.csiDaemonSet,
    csiDriver: settings.csiDriver,
    bundleConfigMap: settings.bundleConfigMap,
    serverInCluster: settings.serverInCluster,
    ...siblings(clients.state.clusterName, clients.state.deploymentName),
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
    settings.serverInCluster ? getStatefulSet(clients, names.serverNamespace, names.serverStatefulSet) : null,
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
      configName: clients.state.clusterName,
      deployment: clients.state.deploymentName,
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

/** The other deployments of the same cluster: their namespaces, and whether this one is the cluster's first. */
function siblings(clusterName: string, deployment: string): { otherNamespaces: string[]; primary: boolean } {
  const all = resolveK8sClusters();
  const cluster = all.status === "ok" ? all.clusters.find((c) => c.name === clusterName) : undefined;
  const deployments = cluster?.status === "ok" ? cluster.deployments : [];
  return {
    otherNamespaces: deployments.filter((d) => d.deploymentName !== deployment).map((d) => d.settings.namespace),
    primary: (deployments[0]?.deploymentName ?? deployment) === deployment,
  };
}

/** One deployment's report as of now (for pages). */
export function getDeploymentReport(ref: DeploymentRef = {}): Promise<KubernetesSpireReport> {
  return getSpireReport(Date.now(), ref);
}

export type NodeMatrixResponse = Pick<KubernetesSpireReport, "cluster" | "matrix" | "spire"> & {
  problems: KubernetesSpireReport["problems"];
};

/** The per-node matrix of one deployment's report, with the problems about nodes, agents and the CSI driver. */
export async function getNodeMatrix(ref: DeploymentRef = {}): Promise<NodeMatrixResponse> {
  await authorize("kubernetes.read");
  const report = await getSpireReport(Date.now(), ref);
  const areas = new Set(["nodes", "agents", "csi-driver"]);
  return {
    cluster: report.cluster,
    matrix: report.matrix,
    spire: report.spire,
    problems: report.problems.filter((p) => areas.has(p.area)),
  };
}
