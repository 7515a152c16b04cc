import type {
  K8sBundleConfigMap,
  K8sCsiDriver,
  K8sCsiNode,
  K8sDaemonSet,
  K8sEvent,
  K8sNamespace,
  K8sNode,
  K8sPod,
  K8sStatefulSet,
} from "@/lib/k8s/types";

import { checkCsiDriver, type CsiDriverReport } from "./check-csi-driver";
import { type AuthorityRef, type BundleComparison, compareBundle } from "./compare-bundle";
import { groupProblems } from "./group-problems";
import { buildNodeMatrix, type NodeMatrix, type SpireAgentRef } from "./node-matrix";
import { checkPodSecurity, type PodSecurityCheck } from "./pod-security";
import { matchesSelector } from "./pod-status";
import { type KubernetesProblem, sortProblems } from "./problems";
import { checkSocketPaths, type SocketCheck } from "./socket-paths";
import { csiFailedMounts, failedMountProblems, recentWarnings } from "./warning-events";
import {
  compareCoverage,
  type Coverage,
  type DaemonSetSummary,
  type StatefulSetSummary,
  summarizeDaemonSet,
  summarizeStatefulSet,
} from "./workloads";

export type KubernetesComponentNames = {
  namespace: string;
  serverNamespace: string;
  serverStatefulSet: string;
  agentDaemonSet: string;
  csiDaemonSet: string;
  csiDriver: string;
  bundleConfigMap: string;
  /** False: the SPIRE server runs outside this cluster (its StatefulSet is not looked for). */
  serverInCluster?: boolean;
  /**
   * The namespaces of the cluster's other configured deployments (their findings are theirs), and
   * whether this is the cluster's first deployment, which also answers for unconfigured installs
   * and cluster-wide events; the others keep to their own namespace and nodes.
   */
  otherNamespaces?: string[];
  primary?: boolean;
};

/** Everything read from the cluster and from SPIRE, as plain data. */
export type KubernetesSnapshot = {
  names: KubernetesComponentNames;
  cluster: {
    name: string;
    server: string;
    source: string;
    psatCluster: string | null;
    /** The cluster's name in the console config, and the deployment's within it. */
    configName?: string;
    deployment?: string;
  };
  nodes: K8sNode[];
  namespaces: K8sNamespace[];
  /** Agent and CSI DaemonSets in every namespace (by configured name). */
  daemonSets: K8sDaemonSet[];
  statefulSet: K8sStatefulSet | null;
  serverPods: K8sPod[];
  /** Pods of the main namespace (agent and CSI pods are picked by their DaemonSet's selector). */
  pods: K8sPod[];
  csiDriver: K8sCsiDriver | null;
  csiNodes: K8sCsiNode[];
  warningEvents: K8sEvent[];
  failedMountEvents: K8sEvent[];
  bundleConfigMap: K8sBundleConfigMap | null;
  spire: {
    serverName: string | null;
    agents: SpireAgentRef[] | null;
    agentsError: string | null;
    authorities: AuthorityRef[] | null;
    bundleError: string | null;
  };
};

export type InstallationReport = {
  namespace: string;
  agents: DaemonSetSummary | null;
  csi: DaemonSetSummary | null;
  sockets: SocketCheck;
};

export type KubernetesSpireReport = {
  cluster: KubernetesSnapshot["cluster"];
  names: KubernetesComponentNames;
  generatedAt: string;
  server: StatefulSetSummary;
  agents: DaemonSetSummary;
  csi: DaemonSetSummary;
  coverage: Coverage;
  /** The main install first, then any other namespace running the same DaemonSets. */
  installations: InstallationReport[];
  csiDriver: CsiDriverReport;
  matrix: NodeMatrix;
  podSecurity: PodSecurityCheck[];
  events: { warnings: K8sEvent[]; failedMounts: K8sEvent[] };
  bundle: BundleComparison;
  spire: { serverName: string | null; agentsError: string | null; bundleError: string | null };
  problems: KubernetesProblem[];
  healthy: boolean;
};

/** Turns a snapshot into the Kubernetes page's report: every check, every problem with its fix. */
export function buildSpireReport(snap: KubernetesSnapshot, now: number): KubernetesSpireReport {
  const n = snap.names;
  const problems: KubernetesProblem[] = [];
  const collect = <T>(result: { problems: KubernetesProblem[] } & T): T => {
    problems.push(...result.problems);
    return result;
  };
  const ds = (namespace: string, name: string) =>
    snap.daemonSets.find((d) => d.namespace === namespace && d.name === name) ?? null;
  const agentDs = ds(n.namespace, n.agentDaemonSet);
  const csiDs = ds(n.namespace, n.csiDaemonSet);
  const agentPods = agentDs ? snap.pods.filter((p) => matchesSelector(p, agentDs.selector)) : [];
  const csiPods = csiDs ? snap.pods.filter((p) => matchesSelector(p, csiDs.selector)) : [];

  const server =
    n.serverInCluster === false
      ? serverOutside(n)
      : collect(summarizeStatefulSet(snap.statefulSet, snap.serverPods, n.serverNamespace, n.serverStatefulSet))
          .summary;
  const others = new Set(n.otherNamespaces ?? []);
  const mine = (namespace: string) => namespace === n.namespace || (n.primary !== false && !others.has(namespace));
  const installNamespaces = [
    n.namespace,
    ...new Set(snap.daemonSets.map((d) => d.namespace).filter((ns) => ns !== n.namespace && mine(ns))),
  ].sort((a, b) => (a === n.namespace ? -1 : b === n.namespace ? 1 : a.localeCompare(b)));
  const installations: InstallationReport[] = installNamespaces.map((namespace) => {
    const a = ds(namespace, n.agentDaemonSet);
    const c = ds(namespace, n.csiDaemonSet);
    const main = namespace === n.namespace;
    return {
      namespace,
      agents: a || main ? collect(summarizeDaemonSet(a, namespace, n.agentDaemonSet, "agents")).summary : null,
      csi: c || main ? collect(summarizeDaemonSet(c, namespace, n.csiDaemonSet, "csi-driver")).summary : null,
      sockets: collect(checkSocketPaths(namespace, a, c)).check,
    };
  });
  // A deployment's nodes are those its agent DaemonSet selects (several deployments may share a cluster).
  const selector = agentDs?.template.nodeSelector ?? {};
  const nodes = snap.nodes.filter((node) => Object.entries(selector).every(([k, v]) => node.labels[k] === v));
  const coverage = collect(compareCoverage(nodes, agentPods, csiPods)).coverage;
  const csiDriver = collect(checkCsiDriver(snap.csiDriver, n.csiDriver)).report;
  const matrix = collect(
    buildNodeMatrix({
      nodes,
      agentPods,
      csiPods,
      csiNodes: snap.csiNodes,
      csiDriverName: n.csiDriver,
      spireAgents: snap.spire.agents,
      cluster: snap.cluster.psatCluster,
      namespace: n.namespace,
    }),
  ).matrix;
  const podSecurity = collect(
    checkPodSecurity(
      snap.namespaces,
      snap.daemonSets
        .filter((d) => mine(d.namespace))
        .map((d) => ({ namespace: d.namespace, component: d.name, template: d.template })),
    ),
  ).checks.sort((a, b) =>
    a.namespace === n.namespace ? -1 : b.namespace === n.namespace ? 1 : a.namespace.localeCompare(b.namespace),
  );
  const nodeNames = new Set(nodes.map((node) => node.name));
  const failedMounts = csiFailedMounts(snap.failedMountEvents, n.csiDriver).filter(
    (e) => n.primary !== false || (e.host !== null && nodeNames.has(e.host)),
  );
  problems.push(...failedMountProblems(failedMounts, n.csiDriver));
  const bundle = collect(
    compareBundle(
      snap.bundleConfigMap,
      snap.spire.authorities,
      { namespace: n.namespace, name: n.bundleConfigMap, serverName: snap.spire.serverName ?? "the SPIRE server" },
      now,
    ),
  ).comparison;

  // Each problem another one explains carries its root cause's id: pages show the cause once, its symptoms under it.
  const sorted = groupProblems(sortProblems(problems));
  return {
    cluster: snap.cluster,
    names: n,
    generatedAt: new Date(now).toISOString(),
    server,
    agents: installations[0]!.agents!,
    csi: installations[0]!.csi!,
    coverage,
    installations,
    csiDriver,
    matrix,
    podSecurity,
    events: { warnings: recentWarnings(snap.warningEvents, now), failedMounts },
    bundle,
    spire: {
      serverName: snap.spire.serverName,
      agentsError: snap.spire.agentsError,
      bundleError: snap.spire.bundleError,
    },
    problems: sorted,
    healthy: sorted.every((p) => p.severity !== "error"),
  };
}

/** The server card of a deployment whose SPIRE server runs in another cluster or outside Kubernetes. */
function serverOutside(n: KubernetesComponentNames): StatefulSetSummary {
  return {
    namespace: n.serverNamespace,
    name: n.serverStatefulSet,
    found: false,
    outside: true,
    replicas: 0,
    readyReplicas: 0,
    currentRevision: null,
    updateRevision: null,
    rolloutPending: false,
    restarts: 0,
    pods: [],
    healthy: true,
  };
}
