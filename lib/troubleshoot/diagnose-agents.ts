import { psatNodeOf } from "@/lib/kubernetes/node-matrix";
import type { Agent, Entry } from "@/lib/spire/types";

export type AgentIssue = {
  kind: "node-without-agent" | "agent-node-gone" | "agent-banned" | "agent-expired" | "cluster-mismatch";
  subject: string;
  detail: string;
  fix: string;
};

/**
 * Attestation problems between the cluster's nodes and the server's agents: nodes no k8s_psat
 * agent attested from, agents whose node is gone, banned or expired agents, and k8s_psat
 * cluster names used by entries that no agent carries.
 */
export function diagnoseAgents(input: {
  nodes: readonly { name: string; uid: string }[] | null;
  /** Node names pods are bound to (a pod can be bound to a node that has no Node object). */
  podNodes?: readonly string[];
  agents: readonly Agent[];
  entries: readonly Entry[];
  now: number;
}): AgentIssue[] {
  const issues: AgentIssue[] = [];
  const psat = input.agents.map((agent) => ({ agent, ref: psatNodeOf(agent) }));
  if (input.nodes) {
    const uids = new Set(input.nodes.map((n) => n.uid));
    for (const node of input.nodes) {
      if (!psat.some((p) => p.ref?.nodeUid === node.uid && !p.agent.banned)) {
        issues.push({
          kind: "node-without-agent",
          subject: node.name,
          detail: `No k8s_psat agent carries node UID ${node.uid}.`,
          fix: "Check that the spire-agent DaemonSet schedules a pod there and read that pod's log for attestation errors.",
        });
      }
    }
    const known = new Set(input.nodes.map((n) => n.name));
    for (const name of [...new Set(input.podNodes ?? [])].filter((n) => !known.has(n)).sort()) {
      issues.push({
        kind: "node-without-agent",
        subject: name,
        detail:
          "Pods are bound to this node, but the cluster has no Node object for it, so no agent can attest from it (k8s_psat needs the node's UID).",
        fix: "Re-register the node (restart its kubelet) or reschedule its pods; then the agent DaemonSet runs there and attests.",
      });
    }
    for (const { agent, ref } of psat) {
      if (ref && !uids.has(ref.nodeUid) && !agent.banned) {
        issues.push({
          kind: "agent-node-gone",
          subject: agent.spiffeId,
          detail: `No node has UID ${ref.nodeUid}; entries parented to this agent serve nobody.`,
          fix: `Evict it (spire-server agent evict -spiffeID ${agent.spiffeId}) and re-parent its entries.`,
        });
      }
    }
  }
  for (const agent of input.agents) {
    if (agent.banned)
      issues.push({
        kind: "agent-banned",
        subject: agent.spiffeId,
        detail: "The server refuses this agent until it is evicted.",
        fix: "Evict it once you know why it was banned, so it can attest again.",
      });
    else if (agent.x509SvidExpiresAt && Date.parse(agent.x509SvidExpiresAt) <= input.now) {
      issues.push({
        kind: "agent-expired",
        subject: agent.spiffeId,
        detail: `Its SVID expired at ${agent.x509SvidExpiresAt}.`,
        fix: agent.canReattest ? "Restart it: it can re-attest." : "Evict it and restart it so it attests again.",
      });
    }
  }
  const agentClusters = new Set(psat.flatMap((p) => (p.ref?.cluster ? [p.ref.cluster] : [])));
  const entryClusters = new Map<string, number>();
  for (const e of input.entries) {
    for (const s of e.selectors)
      if (s.type === "k8s_psat" && s.value.startsWith("cluster:"))
        entryClusters.set(s.value.slice(8), (entryClusters.get(s.value.slice(8)) ?? 0) + 1);
  }
  for (const [cluster, count] of entryClusters) {
    if (!agentClusters.has(cluster)) {
      issues.push({
        kind: "cluster-mismatch",
        subject: `k8s_psat:cluster:${cluster}`,
        detail: `${count} entr${count === 1 ? "y uses" : "ies use"} cluster "${cluster}", but the agents attest as ${agentClusters.size ? [...agentClusters].map((c) => `"${c}"`).join(", ") : "no k8s_psat cluster"}.`,
        fix: "Use the cluster name from the agent's and server's k8s_psat config in the entries (they must be identical).",
      });
    }
  }
  return issues;
}

export type PsatErrorCause = { pattern: RegExp; cause: string; fix: string };

/** SPIRE v1.15 k8s_psat server attestor errors (pkg/server/plugin/nodeattestor/k8spsat) in plain words. */
export const PSAT_ERRORS: readonly PsatErrorCause[] = [
  {
    pattern: /not configured for cluster "?([^"\s]+)"?/,
    cause: "The agent attests with a cluster name the server's k8s_psat plugin does not know.",
    fix: "Make the agent's `cluster` equal to a key of the server's k8s_psat `clusters` map.",
  },
  {
    pattern: /token not authenticated according to TokenReview API/,
    cause:
      "The API server rejected the agent's service-account token (expired, wrong audience, or issued by another cluster).",
    fix: 'Use a projected token with audience "spire-server" and check the agent reads a fresh one.',
  },
  {
    pattern: /is not an allowed service account/,
    cause: "The token belongs to a service account the server does not allow.",
    fix: "Add namespace:name of the agent's service account to service_account_allow_list.",
  },
  {
    pattern: /unable to validate token with TokenReview API/,
    cause: "The server could not call TokenReview (no RBAC permission or the API server is unreachable).",
    fix: "Grant the spire-server service account create on tokenreviews and check its kubeconfig/network.",
  },
  {
    pattern: /fail(ed)? to get pod/,
    cause: "The server could not read the agent's pod (RBAC, or the pod is gone).",
    fix: "Grant get on pods to spire-server; a pod deleted mid-attestation retries by itself.",
  },
  {
    pattern: /fail(ed)? to get node/,
    cause: "The server could not read the agent's node.",
    fix: "Grant get on nodes to spire-server.",
  },
  {
    pattern: /pod UID mismatch|node UID is empty/,
    cause: "The token is bound to a different pod than the one found (or the node has no UID): the token is stale.",
    fix: "Restart the agent pod so it reads its current projected token.",
  },
  {
    pattern: /missing (cluster|token) in attestation data|missing attestation payload/,
    cause: "The agent sent incomplete k8s_psat data.",
    fix: "Check the agent's k8s_psat config (cluster and token_path).",
  },
  {
    pattern: /agent is banned|has been banned/i,
    cause: "The agent was banned.",
    fix: "Evict it so it can attest again.",
  },
  {
    pattern: /attestation data has already been used|already been attested/i,
    cause: "Another agent already attested with this identity and re-attestation is not allowed.",
    fix: "Evict the old agent entry or enable re-attestation.",
  },
];

export type MappedLogLine = { line: string; cause: string; fix: string };

/** The plain cause and fix of one server log line, or null when it is no known attestation error. */
export function mapAttestationError(line: string): MappedLogLine | null {
  const hit = PSAT_ERRORS.find((e) => e.pattern.test(line));
  return hit ? { line, cause: hit.cause, fix: hit.fix } : null;
}

/** The known attestation errors among log lines, newest last, at most `limit`. */
export function attestationErrors(log: string, limit = 20): MappedLogLine[] {
  return log
    .split("\n")
    .filter((l) => /attest/i.test(l) || /k8s_psat|TokenReview/.test(l))
    .flatMap((l) => mapAttestationError(l) ?? [])
    .slice(-limit);
}
