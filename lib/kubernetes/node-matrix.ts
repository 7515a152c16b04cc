import type { K8sCsiNode, K8sNode, K8sPod } from "@/lib/k8s/types";

import { type PodCell, toPodCell } from "./pod-status";
import type { KubernetesProblem } from "./problems";

/** The parts of a SPIRE agent the matrix needs (a subset of lib/spire's Agent). */
export type SpireAgentRef = {
  spiffeId: string;
  attestationType: string;
  selectors: { type: string; value: string }[];
  x509SvidExpiresAt: string | null;
  banned: boolean;
};

export type JoinedAgent = {
  spiffeId: string;
  expiresAt: string | null;
  banned: boolean;
  joinedBy: "spiffe-id" | "selector";
};

export type NodeRow = {
  node: string;
  uid: string;
  ready: boolean;
  agentPod: PodCell | null;
  csiPod: PodCell | null;
  /** csi.spiffe.io is listed in the node's CSINode. */
  csiRegistered: boolean;
  spireAgents: JoinedAgent[];
};

export type NodeMatrix = {
  rows: NodeRow[];
  /** k8s_psat agents of this cluster whose node UID matches no node. */
  orphanAgents: (JoinedAgent & { nodeUid: string })[];
  nodesWithoutAgent: string[];
  /** Null when the SPIRE server could not be asked (the join columns are unknown then). */
  spireAgentsKnown: boolean;
};

const PSAT_PATH = /^spiffe:\/\/[^/]+\/spire\/agent\/k8s_psat\/([^/]+)\/([^/]+)$/;

/** The node UID and cluster a k8s_psat agent belongs to, from its selectors or its SPIFFE ID. */
export function psatNodeOf(
  agent: SpireAgentRef,
): { cluster: string | null; nodeUid: string; joinedBy: JoinedAgent["joinedBy"] } | null {
  const selector = (key: string) =>
    agent.selectors.find((s) => s.type === "k8s_psat" && s.value.startsWith(`${key}:`))?.value.slice(key.length + 1) ??
    null;
  const fromSelector = selector("agent_node_uid");
  if (fromSelector) return { cluster: selector("cluster"), nodeUid: fromSelector, joinedBy: "selector" };
  const match = PSAT_PATH.exec(agent.spiffeId);
  if (match && agent.attestationType === "k8s_psat")
    return { cluster: match[1]!, nodeUid: match[2]!, joinedBy: "spiffe-id" };
  return null;
}

function podOnNode(pods: readonly K8sPod[], node: string): K8sPod | null {
  return pods.find((p) => p.nodeName === node) ?? null;
}

/**
 * One row per node: its agent and CSI pods, csi.spiffe.io registration in its CSINode, and the
 * SPIRE agent(s) attested for it (k8s_psat: node UID in selector or SPIFFE ID). Also lists
 * k8s_psat agents of this cluster whose node is gone, and nodes no agent attested from.
 */
export function buildNodeMatrix(input: {
  nodes: readonly K8sNode[];
  agentPods: readonly K8sPod[];
  csiPods: readonly K8sPod[];
  csiNodes: readonly K8sCsiNode[];
  csiDriverName: string;
  spireAgents: readonly SpireAgentRef[] | null;
  cluster: string | null;
  namespace: string;
}): { matrix: NodeMatrix; problems: KubernetesProblem[] } {
  const joined = (input.spireAgents ?? []).flatMap((agent) => {
    const ref = psatNodeOf(agent);
    if (!ref || (input.cluster && ref.cluster && ref.cluster !== input.cluster)) return [];
    return [
      {
        nodeUid: ref.nodeUid,
        spiffeId: agent.spiffeId,
        expiresAt: agent.x509SvidExpiresAt,
        banned: agent.banned,
        joinedBy: ref.joinedBy,
      },
    ];
  });
  const problems: KubernetesProblem[] = [];
  const rows: NodeRow[] = input.nodes.map((node) => {
    const agentPod = podOnNode(input.agentPods, node.name);
    const csiPod = podOnNode(input.csiPods, node.name);
    const csiRegistered =
      input.csiNodes.find((c) => c.name === node.name)?.drivers.some((d) => d.name === input.csiDriverName) ?? false;
    const spireAgents = joined.filter((j) => j.nodeUid === node.uid).map(({ nodeUid: _uid, ...rest }) => rest);
    const row: NodeRow = {
      node: node.name,
      uid: node.uid,
      ready: node.ready,
      agentPod: agentPod && toPodCell(agentPod),
      csiPod: csiPod && toPodCell(csiPod),
      csiRegistered,
      spireAgents,
    };
    problems.push(...rowProblems(row, input, csiPod));
    return row;
  });
  const nodeUids = new Set(input.nodes.map((n) => n.uid));
  const orphanAgents = joined.filter((j) => !nodeUids.has(j.nodeUid) && !j.banned);
  for (const orphan of orphanAgents) {
    problems.push({
      id: `agent-orphan:${orphan.spiffeId}`,
      severity: "warning",
      area: "nodes",
      title: `SPIRE agent ${orphan.spiffeId} belongs to a node that no longer exists`,
      detail: `No node has UID ${orphan.nodeUid}; the agent keeps its SVID until it expires (${orphan.expiresAt ?? "unknown"}).`,
      fix: `Evict it: spire-server agent evict -spiffeID ${orphan.spiffeId}`,
    });
  }
  const spireAgentsKnown = input.spireAgents !== null;
  const nodesWithoutAgent = spireAgentsKnown ? rows.filter((r) => r.spireAgents.length === 0).map((r) => r.node) : [];
  for (const node of nodesWithoutAgent) {
    problems.push({
      id: `node-no-agent:${node}`,
      node,
      namespace: input.namespace,
      severity: "warning",
      area: "nodes",
      title: `No SPIRE agent has attested from node ${node}`,
      detail: `No k8s_psat agent's SPIFFE ID or agent_node_uid selector carries this node's UID, so its workloads get no SVIDs.`,
      fix: `Read the spire-agent pod's log on ${node} (kubectl -n ${input.namespace} logs <spire-agent pod>): attestation errors name the cause.`,
    });
  }
  return { matrix: { rows, orphanAgents, nodesWithoutAgent, spireAgentsKnown }, problems };
}

function rowProblems(
  row: NodeRow,
  input: { csiDriverName: string; namespace: string },
  csiPod: K8sPod | null,
): KubernetesProblem[] {
  const problems: KubernetesProblem[] = [];
  const here = { node: row.node, namespace: input.namespace };
  if (!row.ready) {
    problems.push({
      id: `node-not-ready:${row.node}`,
      ...here,
      severity: "error",
      area: "nodes",
      title: `Node ${row.node} is NotReady`,
      detail:
        "Its kubelet does not report Ready: the SPIRE agent, the CSI driver and its workloads stop or cannot start.",
      fix: `kubectl describe node ${row.node}; then check the kubelet on the node (journalctl -u kubelet).`,
    });
  }
  if (!row.agentPod) {
    problems.push({
      id: `agent-pod-missing:${row.node}`,
      ...here,
      severity: "error",
      area: "agents",
      title: `No spire-agent pod on node ${row.node}`,
      detail: `The agent DaemonSet has no pod on this node.`,
      fix: `Check the DaemonSet's nodeSelector and tolerations against the node's labels and taints.`,
    });
  } else if (!row.agentPod.healthy) {
    problems.push({
      id: `agent-pod-unhealthy:${row.node}`,
      ...here,
      severity: "error",
      area: "agents",
      title: `spire-agent pod ${row.agentPod.name} on ${row.node} is ${row.agentPod.status}`,
      detail: `Restarts: ${row.agentPod.restarts}.`,
      fix: `kubectl -n ${input.namespace} logs ${row.agentPod.name} --previous`,
    });
  }
  if (!row.csiPod) {
    problems.push({
      id: `csi-pod-missing:${row.node}`,
      ...here,
      severity: "error",
      area: "csi-driver",
      title: `No spiffe-csi-driver pod on node ${row.node}`,
      detail: `Workload pods on this node cannot mount ${input.csiDriverName} volumes.`,
      fix: `Check the CSI DaemonSet's nodeSelector and tolerations.`,
    });
  } else if (!row.csiPod.healthy) {
    const crashing = csiPod?.containers.find((c) => c.reason === "CrashLoopBackOff");
    const last = crashing?.lastTermination;
    problems.push({
      id: `csi-${crashing ? "crashloop" : "unhealthy"}:${row.node}`,
      ...here,
      severity: "error",
      area: "csi-driver",
      title: crashing
        ? `spiffe-csi-driver pod ${row.csiPod.name} on ${row.node} is crash-looping (${crashing.name} restarted ${crashing.restartCount} times)`
        : `spiffe-csi-driver pod ${row.csiPod.name} on ${row.node} is ${row.csiPod.status}`,
      detail: last
        ? `Last exit: ${last.reason ?? "?"} (code ${last.exitCode})${last.message ? `: ${last.message}` : ""}.`
        : `Restarts: ${row.csiPod.restarts}.`,
      fix: `kubectl -n ${input.namespace} logs ${row.csiPod.name} -c ${crashing?.name ?? "spiffe-csi-driver"} --previous; the usual causes are a stale csi.sock in /var/lib/kubelet/plugins/${input.csiDriverName} or a missing agent socket directory.`,
    });
  }
  if (!row.csiRegistered) {
    problems.push({
      id: `csi-unregistered:${row.node}`,
      ...here,
      severity: "error",
      area: "csi-driver",
      title: `${input.csiDriverName} is not registered on node ${row.node}`,
      detail: `The node's CSINode does not list ${input.csiDriverName}, so its kubelet fails every mount with "driver name ${input.csiDriverName} not found in the list of registered CSI drivers".`,
      fix: `Check node-driver-registrar in ${row.csiPod?.name ?? "the CSI pod"} on ${row.node}: its -kubelet-registration-path must be /var/lib/kubelet/plugins/${input.csiDriverName}/csi.sock and /var/lib/kubelet/plugins_registry must be mounted at /registration.`,
    });
  }
  return problems;
}
