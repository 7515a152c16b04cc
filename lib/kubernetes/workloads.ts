import type { K8sDaemonSet, K8sNode, K8sPod, K8sStatefulSet } from "@/lib/k8s/types";

import { toPodCell } from "./pod-status";
import type { KubernetesProblem } from "./problems";

export type DaemonSetSummary = {
  namespace: string;
  name: string;
  found: boolean;
  numbers: K8sDaemonSet["status"] | null;
  healthy: boolean;
};

export type StatefulSetSummary = {
  namespace: string;
  name: string;
  found: boolean;
  replicas: number;
  readyReplicas: number;
  currentRevision: string | null;
  updateRevision: string | null;
  rolloutPending: boolean;
  restarts: number;
  pods: ReturnType<typeof toPodCell>[];
  healthy: boolean;
  /** The server runs outside this cluster (config `serverInCluster: false`): nothing to check here. */
  outside?: boolean;
};

/**
 * Checks a DaemonSet's numbers: every desired pod scheduled, ready, available and updated,
 * nothing misscheduled, and the controller caught up with the spec.
 */
export function summarizeDaemonSet(
  ds: K8sDaemonSet | null,
  namespace: string,
  name: string,
  area: "agents" | "csi-driver",
): { summary: DaemonSetSummary; problems: KubernetesProblem[] } {
  if (!ds) {
    return {
      summary: { namespace, name, found: false, numbers: null, healthy: false },
      problems: [
        {
          id: `ds-missing:${namespace}/${name}`,
          namespace: namespace,
          severity: "error",
          area,
          title: `DaemonSet ${namespace}/${name} does not exist`,
          detail: `The console looked for the DaemonSet ${name} in namespace ${namespace} and found none.`,
          fix: `Install it (helm upgrade --install with the SPIRE chart), or set kubernetes.namespace / the component names in the console config to where it runs.`,
        },
      ],
    };
  }
  const n = ds.status;
  const problems: KubernetesProblem[] = [];
  const id = `${ds.namespace}/${ds.name}`;
  if (n.ready < n.desired) {
    problems.push({
      id: `ds-not-ready:${id}`,
      namespace: ds.namespace,
      severity: "error",
      area,
      title: `${n.desired - n.ready} of ${n.desired} ${ds.name} pods are not ready`,
      detail: `DaemonSet ${id}: desired ${n.desired}, current ${n.current}, ready ${n.ready}, available ${n.available}.`,
      fix:
        n.current < n.desired
          ? `Pods could not be created on ${n.desired - n.current} node(s): read the DaemonSet's FailedCreate events (kubectl -n ${ds.namespace} describe ds ${ds.name}).`
          : `Look at the failing pods in the node table below (kubectl -n ${ds.namespace} logs <pod> --previous).`,
    });
  }
  if (n.misscheduled > 0) {
    problems.push({
      id: `ds-misscheduled:${id}`,
      namespace: ds.namespace,
      severity: "warning",
      area,
      title: `${n.misscheduled} ${ds.name} pod(s) run on nodes they should not`,
      detail: `DaemonSet ${id} reports numberMisscheduled ${n.misscheduled}.`,
      fix: `Check the DaemonSet's nodeSelector, affinity and tolerations against the nodes' labels and taints.`,
    });
  }
  if (n.updated < n.desired && n.current >= n.desired) {
    problems.push({
      id: `ds-rollout:${id}`,
      namespace: ds.namespace,
      severity: "warning",
      area,
      title: `${ds.name} rollout incomplete: ${n.updated} of ${n.desired} pods run the current template`,
      detail: `DaemonSet ${id} updatedNumberScheduled ${n.updated} < desired ${n.desired}.`,
      fix: `kubectl -n ${ds.namespace} rollout status ds/${ds.name}; a pod that never becomes ready blocks the rolling update.`,
    });
  }
  if (n.observedGeneration < ds.generation) {
    problems.push({
      id: `ds-stale:${id}`,
      namespace: ds.namespace,
      severity: "warning",
      area,
      title: `The DaemonSet controller has not processed the latest change to ${ds.name}`,
      detail: `Generation ${ds.generation}, observed ${n.observedGeneration}.`,
      fix: `Check that kube-controller-manager is running.`,
    });
  }
  return {
    summary: {
      namespace: ds.namespace,
      name: ds.name,
      found: true,
      numbers: n,
      healthy: problems.length === 0 && n.desired > 0,
    },
    problems,
  };
}

/** Checks the spire-server StatefulSet: ready replicas, a finished rollout, and its pods' restarts. */
export function summarizeStatefulSet(
  sts: K8sStatefulSet | null,
  pods: readonly K8sPod[],
  namespace: string,
  name: string,
): { summary: StatefulSetSummary; problems: KubernetesProblem[] } {
  const cells = pods.map(toPodCell);
  const restarts = pods.reduce((sum, p) => sum + p.restarts, 0);
  if (!sts) {
    return {
      summary: {
        namespace,
        name,
        found: false,
        replicas: 0,
        readyReplicas: 0,
        currentRevision: null,
        updateRevision: null,
        rolloutPending: false,
        restarts,
        pods: cells,
        healthy: false,
      },
      problems: [
        {
          id: `sts-missing:${namespace}/${name}`,
          severity: "error",
          area: "server",
          title: `StatefulSet ${namespace}/${name} does not exist`,
          detail: `The console looked for the SPIRE server StatefulSet ${name} in namespace ${namespace}.`,
          fix: `Install the SPIRE server chart, or set kubernetes.serverNamespace / serverStatefulSet in the console config.`,
        },
      ],
    };
  }
  const s = sts.status;
  const rolloutPending = Boolean(s.updateRevision && s.currentRevision && s.updateRevision !== s.currentRevision);
  const problems: KubernetesProblem[] = [];
  const id = `${sts.namespace}/${sts.name}`;
  if (s.ready < sts.replicas) {
    problems.push({
      id: `sts-not-ready:${id}`,
      severity: "error",
      area: "server",
      title: `spire-server: ${s.ready} of ${sts.replicas} replicas ready`,
      detail: `StatefulSet ${id} has ${sts.replicas - s.ready} replica(s) not ready; agents cannot attest or renew through them.`,
      fix: `kubectl -n ${sts.namespace} describe pod ${sts.name}-0 and read its logs; a datastore or upstream CA problem keeps the server unready.`,
    });
  }
  if (rolloutPending) {
    problems.push({
      id: `sts-rollout:${id}`,
      severity: "warning",
      area: "server",
      title: `spire-server rollout in progress: ${s.updated} of ${sts.replicas} replicas on revision ${s.updateRevision}`,
      detail: `Current revision ${s.currentRevision}, update revision ${s.updateRevision}.`,
      fix: `kubectl -n ${sts.namespace} rollout status sts/${sts.name}; if it is stuck, the newest pod is not becoming ready.`,
    });
  }
  const restarting = pods.filter((p) => p.restarts >= 5);
  for (const pod of restarting) {
    problems.push({
      id: `sts-restarts:${pod.name}`,
      severity: "warning",
      area: "server",
      title: `${pod.name} restarted ${pod.restarts} times`,
      detail: `The SPIRE server pod keeps restarting.`,
      fix: `kubectl -n ${pod.namespace} logs ${pod.name} --previous shows why it exited.`,
    });
  }
  return {
    summary: {
      namespace: sts.namespace,
      name: sts.name,
      found: true,
      replicas: sts.replicas,
      readyReplicas: s.ready,
      currentRevision: s.currentRevision,
      updateRevision: s.updateRevision,
      rolloutPending,
      restarts,
      pods: cells,
      healthy: problems.length === 0,
    },
    problems,
  };
}

export type Coverage = { sameNodes: boolean; agentOnly: string[]; csiOnly: string[]; neither: string[] };

/** Whether the agent and CSI driver pods run on the same nodes (a CSI pod needs an agent beside it). */
export function compareCoverage(
  nodes: readonly K8sNode[],
  agentPods: readonly K8sPod[],
  csiPods: readonly K8sPod[],
): { coverage: Coverage; problems: KubernetesProblem[] } {
  const agentNodes = new Set(agentPods.map((p) => p.nodeName).filter(Boolean));
  const csiNodes = new Set(csiPods.map((p) => p.nodeName).filter(Boolean));
  const names = nodes.map((n) => n.name);
  const coverage: Coverage = {
    agentOnly: names.filter((n) => agentNodes.has(n) && !csiNodes.has(n)),
    csiOnly: names.filter((n) => csiNodes.has(n) && !agentNodes.has(n)),
    neither: names.filter((n) => !agentNodes.has(n) && !csiNodes.has(n)),
    sameNodes: false,
  };
  coverage.sameNodes = coverage.agentOnly.length === 0 && coverage.csiOnly.length === 0;
  const problems: KubernetesProblem[] = [];
  if (coverage.csiOnly.length) {
    problems.push({
      id: "coverage:csi-only",
      severity: "error",
      area: "csi-driver",
      title: `The CSI driver runs without a SPIRE agent on ${coverage.csiOnly.join(", ")}`,
      detail: `Workloads there mount the Workload API socket directory, but no agent serves a socket in it.`,
      fix: `Give the spire-agent DaemonSet the same nodeSelector and tolerations as spiffe-csi-driver.`,
    });
  }
  if (coverage.agentOnly.length) {
    problems.push({
      id: "coverage:agent-only",
      severity: "warning",
      area: "csi-driver",
      title: `No CSI driver pod on ${coverage.agentOnly.join(", ")}`,
      detail: `Pods on these nodes that mount csi.spiffe.io volumes will fail with FailedMount.`,
      fix: `Give the spiffe-csi-driver DaemonSet the same nodeSelector and tolerations as spire-agent.`,
    });
  }
  return { coverage, problems };
}
