import "server-only";

import { agentCluster } from "@/lib/agents/agent-cluster";
import { ApiError } from "@/lib/api/api-error";
import { allows } from "@/lib/auth/guard";
import { entriesWithSelectorPrefix } from "@/lib/entries/compact/read-entries";
import { readPodLogTail } from "@/lib/k8s/pod-logs";
import { listPods } from "@/lib/k8s/pods";
import { listWorkloadPods } from "@/lib/k8s/workload-pods";
import { pickServer } from "@/lib/servers/resolve-server";
import {
  type AgentIssue,
  attestationErrors,
  diagnoseAgents,
  type MappedLogLine,
} from "@/lib/troubleshoot/diagnose-agents";

import { type ClusterContext, loadClusterContext } from "./load-cluster-context";
import { loadSpireContext } from "./load-spire-context";

export type AgentAttestationReport = {
  server: string;
  clusterError: string | null;
  issues: AgentIssue[];
  /** Attestation errors from the spire-server pod's log, or why the log could not be read. */
  log: { available: true; pod: string; errors: MappedLogLine[] } | { available: false; reason: string };
};

async function serverLog(cluster: ClusterContext): Promise<AgentAttestationReport["log"]> {
  const pods = await listPods(cluster.clients, cluster.serverNamespace).catch(() => []);
  const pod = pods.find((p) => p.name.startsWith(`${cluster.serverStatefulSet}-`));
  if (!pod)
    return { available: false, reason: `No ${cluster.serverStatefulSet} pod in namespace ${cluster.serverNamespace}.` };
  const log = await readPodLogTail(cluster.clients, pod.namespace, pod.name, "spire-server");
  if (!log.available)
    return {
      available: false,
      reason: `The Kubernetes API could not serve the log of ${pod.namespace}/${pod.name}: ${log.reason}`,
    };
  return { available: true, pod: `${pod.namespace}/${pod.name}`, errors: attestationErrors(log.text) };
}

/** The attestation problems between the cluster's nodes and one server's agents (no log reading). */
export type AttestationIssues = { server: string; clusterError: string | null; issues: AgentIssue[] };

async function readIssues(input: {
  server?: string;
  now?: number;
}): Promise<AttestationIssues & { cluster: ClusterContext | null }> {
  let cluster: ClusterContext | null = null;
  let clusterError: string | null = null;
  try {
    cluster = await loadClusterContext();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    clusterError = error.message;
  }
  const spire = await loadSpireContext(pickServer(input.server, cluster?.spireServer).name);
  const pods = cluster ? await listWorkloadPods(cluster.clients) : [];
  const podNodes = pods.flatMap((p) => (p.nodeName ? [p.nodeName] : []));
  // In a cluster shared by deployments, this one's nodes are those its agent DaemonSet selects; agents
  // attested in another cluster (k8s_psat) are not this cluster's.
  const selector = Object.entries(cluster?.agentNodeSelector ?? {});
  const nodes = cluster?.nodes.filter((n) => selector.every(([key, value]) => n.labels[key] === value)) ?? null;
  const othersNodes = new Set((cluster?.nodes ?? []).filter((n) => !nodes?.includes(n)).map((n) => n.name));
  const agents = cluster
    ? spire.agents.filter((a) => [null, cluster!.psatCluster].includes(agentCluster(a)))
    : spire.agents;
  const issues = diagnoseAgents({
    nodes,
    podNodes: podNodes.filter((name) => !othersNodes.has(name)),
    agents,
    // Only entries naming a k8s_psat cluster matter here: do not build every entry for the Overview.
    entries: entriesWithSelectorPrefix(spire.index, "k8s_psat:cluster:"),
    now: input.now ?? Date.now(),
  });
  return { server: spire.server, clusterError, issues, cluster };
}

/**
 * Node/agent mismatches, banned or expired agents and cluster names no agent carries, for
 * `server` (else the cluster's SPIRE server, else the first): what the Overview lists.
 */
export async function readAttestationIssues(input: { server?: string; now?: number }): Promise<AttestationIssues> {
  const { cluster: _cluster, ...issues } = await readIssues(input);
  return issues;
}

/** Why agents did not attest: node/agent mismatches, banned or expired agents, cluster names, and server log errors. */
export async function getAgentAttestation(input: { server?: string; now?: number }): Promise<AgentAttestationReport> {
  const { server, clusterError, issues, cluster } = await readIssues(input);
  const logsAllowed = await allows("troubleshoot.logs", { server });
  const log = !logsAllowed
    ? { available: false as const, reason: "Reading spire-server's log needs the operator or admin role." }
    : cluster
      ? await serverLog(cluster)
      : { available: false as const, reason: clusterError ?? "Kubernetes is not configured." };
  return { server, clusterError, issues, log };
}
