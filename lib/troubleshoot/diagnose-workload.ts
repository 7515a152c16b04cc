import type { RenderFailureGap } from "@/lib/controller-manager/render-gap";
import { selectorKey } from "@/lib/entries/match-selectors";
import { type CaWindow, checkX509SvidTtl, type TtlCheck } from "@/lib/expiry/ttl-cap";
import { psatNodeOf } from "@/lib/kubernetes/node-matrix";
import { links } from "@/lib/links";
import type { Agent, Bundle, Entry, Selector } from "@/lib/spire/types";

import type { Delivery } from "./check-delivery";
import { matchingEntries, type NearMiss, rankNearMisses, type ServingParent, servingParents } from "./match-entries";
import { nearMissReason } from "./near-miss-reason";
import type { WorkloadEntries } from "./workload-entries";

export type AgentState = "ok" | "missing" | "banned" | "expired";

export type AgentFinding = {
  state: AgentState;
  agent: Agent | null;
  canReattest: boolean;
  /** How the agent was found: "node" (node UID), "agent" (chosen by the user). */
  lookup: string;
};

export type FederationFinding = { trustDomain: string; state: "ok" | "missing" | "expired" };

export type MatchFinding = { entry: Entry; federation: FederationFinding[]; dnsNames: string[]; ttl: TtlCheck | null };

export type ReasonCode =
  | "no-agent"
  | "agent-banned"
  | "agent-expired"
  | "no-entry"
  | "render-failure"
  | "stale-parent"
  | "other-agent"
  | "alias-not-covering"
  | "parent-elsewhere"
  | "namespace"
  | "service-account"
  | "selectors"
  | "no-workload-api-volume"
  | "socket-outside-mount"
  | "csi-driver-missing"
  | "csi-not-registered"
  | "csi-pod-unhealthy"
  | "federated-bundle-missing"
  | "federated-bundle-expired";

export type Reason = {
  code: ReasonCode;
  blocking: boolean;
  title: string;
  fix: string;
  /** The fix to follow first; `secondary` is an alternative (e.g. a new entry instead of moving one). */
  action: { label: string; href: string } | null;
  secondary?: { label: string; href: string } | null;
};

export type Verdict = { status: "ok" | "degraded" | "none"; summary: string; spiffeIds: string[]; reasons: Reason[] };

export type Diagnosis = {
  server: string;
  trustDomain: string;
  selectors: Selector[];
  agent: AgentFinding;
  parents: ServingParent[];
  /** Every entry under a serving parent, with satisfied and missing selectors. */
  underParents: { entry: Entry; satisfied: Selector[]; missing: Selector[] }[];
  matches: MatchFinding[];
  nearMisses: NearMiss[];
  delivery: Delivery | null;
  verdict: Verdict;
};

export type DiagnoseInput = {
  server: string;
  trustDomain: string;
  selectors: Selector[];
  /** The agent chosen by the user (selector mode) or the node's UID (pod mode). */
  agentRef: { nodeName: string; nodeUid: string | null; cluster: string | null } | { spiffeId: string };
  agents: readonly Agent[];
  entries: WorkloadEntries;
  federatedBundles: readonly Bundle[];
  activeCa: CaWindow | null;
  nodeUids: ReadonlySet<string> | null;
  delivery: Delivery | null;
  /** Suggested SPIFFE ID and selectors for a new entry (pod mode: ns/sa). */
  suggestion: { spiffeId: string; selectors: Selector[] } | null;
  now: number;
  /** The page to come back to after following a fix (the troubleshooter's view of this workload). */
  returnTo?: string;
  /** What spire-controller-manager does for this pod, when the console reads its cluster (pod mode). */
  controller?: ControllerFacts;
};

/** spire-controller-manager's part: who renders which entry, and its templates that fail for this pod. */
export type ControllerFacts = {
  /** Entry ID → "ClusterSPIFFEID <name>" for the entries its ClusterSPIFFEIDs render. */
  owners: Record<string, string>;
  /** ClusterSPIFFEIDs that select the pod but cannot render its SPIFFE ID. */
  renderFailures: { object: string; gap: RenderFailureGap }[];
};

/** The k8s_psat agent attested from the node with `nodeUid` (newest unbanned one first). */
export function agentForNode(agents: readonly Agent[], nodeUid: string, cluster: string | null): Agent | null {
  const found = agents.filter((a) => {
    const ref = psatNodeOf(a);
    return ref?.nodeUid === nodeUid && (!cluster || !ref.cluster || ref.cluster === cluster);
  });
  found.sort(
    (a, b) =>
      Number(a.banned) - Number(b.banned) || (b.x509SvidExpiresAt ?? "").localeCompare(a.x509SvidExpiresAt ?? ""),
  );
  return found[0] ?? null;
}

function agentFinding(input: DiagnoseInput): AgentFinding {
  const ref = input.agentRef;
  const agent =
    "spiffeId" in ref
      ? (input.agents.find((a) => a.spiffeId === ref.spiffeId) ?? null)
      : ref.nodeUid
        ? agentForNode(input.agents, ref.nodeUid, ref.cluster)
        : null;
  const lookup =
    "spiffeId" in ref
      ? `agent ${ref.spiffeId}`
      : `node ${ref.nodeName}${ref.nodeUid ? ` (UID ${ref.nodeUid})` : " (no Node object)"}`;
  if (!agent) return { state: "missing", agent: null, canReattest: false, lookup };
  const expired = agent.x509SvidExpiresAt !== null && Date.parse(agent.x509SvidExpiresAt) <= input.now;
  return { state: agent.banned ? "banned" : expired ? "expired" : "ok", agent, canReattest: agent.canReattest, lookup };
}

/** Federation health of each `federatesWith` trust domain: no bundle, or every X.509 CA expired. */
export function checkFederation(entry: Entry, bundles: readonly Bundle[], now: number): FederationFinding[] {
  return entry.federatesWith.map((trustDomain) => {
    const bundle = bundles.find((b) => b.trustDomain === trustDomain);
    if (!bundle) return { trustDomain, state: "missing" as const };
    const valid = bundle.x509Authorities.some((a) => !a.notAfter || Date.parse(a.notAfter) > now);
    return { trustDomain, state: valid ? ("ok" as const) : ("expired" as const) };
  });
}

/**
 * Works out whether a workload (its attestor selectors) gets SVIDs from its agent: the agent's
 * state, the parents that serve it (agent + covering node aliases), the entries under them, the
 * matching ones with federation/DNS/TTL checks, near misses, the delivery path, and a verdict
 * with the reasons ranked (agent, then entries, then delivery, then federation).
 */
export function diagnoseWorkload(input: DiagnoseInput): Diagnosis {
  const agent = agentFinding(input);
  const parents = servingParents(agent.agent, input.entries.aliases, input.trustDomain);
  const parentIds = new Set(parents.map((p) => p.spiffeId));
  const keys = new Set(input.selectors.map(selectorKey));
  const entries = input.entries.near([...parentIds], input.selectors);
  const underParents = entries
    .filter((e) => parentIds.has(e.parentId))
    .map((entry) => ({
      entry,
      satisfied: entry.selectors.filter((s) => keys.has(selectorKey(s))),
      missing: entry.selectors.filter((s) => !keys.has(selectorKey(s))),
    }));
  const matched = matchingEntries(entries, input.selectors, parents);
  const matches: MatchFinding[] = matched.map((entry) => ({
    entry,
    federation: checkFederation(entry, input.federatedBundles, input.now),
    dnsNames: entry.dnsNames,
    ttl: input.activeCa ? checkX509SvidTtl(entry.x509SvidTtl, input.activeCa, input.now) : null,
  }));
  const nearMisses = rankNearMisses(entries, input.selectors, parents, {
    trustDomain: input.trustDomain,
    agents: input.agents,
    aliases: input.entries.aliases,
    agent: agent.agent,
    nodeUids: input.nodeUids,
    cluster: "cluster" in input.agentRef ? input.agentRef.cluster : null,
  });

  const reasons: Reason[] = [];
  const a = agent.agent;
  if (agent.state === "missing") {
    reasons.push({
      code: "no-agent",
      blocking: true,
      title: `No SPIRE agent has attested from ${agent.lookup}`,
      fix: "Check that the spire-agent DaemonSet runs on this node and read its log for attestation errors (see the agent section below).",
      action: null,
    });
  } else if (agent.state === "banned") {
    reasons.push({
      code: "agent-banned",
      blocking: true,
      title: `The agent ${a!.spiffeId} is banned`,
      fix: "Evict it (agent evict) so it can attest again, after you know why it was banned.",
      action: { label: "Open agent", href: links.agent(input.server, a!.spiffeId) },
    });
  } else if (agent.state === "expired") {
    reasons.push({
      code: "agent-expired",
      blocking: true,
      title: `The agent's SVID expired at ${a!.x509SvidExpiresAt}`,
      fix: a!.canReattest
        ? "Restart the agent: it can re-attest."
        : "Evict the agent and restart it so it attests again.",
      action: { label: "Open agent", href: links.agent(input.server, a!.spiffeId) },
    });
  }
  // A ClusterSPIFFEID meant to register this pod fails to: named before any entry reason.
  for (const { object, gap } of matches.length === 0 ? (input.controller?.renderFailures ?? []) : []) {
    reasons.push({
      code: "render-failure",
      blocking: true,
      title: `ClusterSPIFFEID ${object} selects this pod but cannot render its SPIFFE ID: ${gap.error}`,
      fix: `${gap.cause} ${gap.fix}${gap.command ? ` (${gap.command})` : ""}`,
      action: { label: `Open ClusterSPIFFEID ${object}`, href: links.clusterSpiffeId(object) },
    });
  }
  // Without an agent no parent can serve the workload: entry reasons would only repeat that.
  if (matches.length === 0 && agent.state !== "missing") {
    const top = nearMisses.slice(0, 3).map((m) => nearMissReason(m, input, a));
    if (top.length) reasons.push(...top);
    else {
      const parent = parents[0]?.spiffeId ?? null;
      reasons.push({
        code: "no-entry",
        blocking: true,
        title: `No registration entry matches this workload's selectors${parent ? ` under ${parents.map((p) => p.spiffeId).join(" or ")}` : ""}, and none comes close`,
        fix: "Create an entry parented to the node's agent (or a covering alias) with selectors the workload has, e.g. its namespace and service account.",
        action:
          parent && input.suggestion
            ? {
                label: "Create entry",
                href: links.newEntry(input.server, {
                  parentId: parent,
                  spiffeId: input.suggestion.spiffeId,
                  selectors: input.suggestion.selectors,
                }),
              }
            : null,
      });
    }
  }
  for (const issue of input.delivery?.issues ?? []) {
    if (issue.code === "no-endpoint-env") continue;
    reasons.push({ code: issue.code, blocking: issue.blocking, title: issue.title, fix: issue.fix, action: null });
  }
  for (const m of matches) {
    for (const f of m.federation.filter((x) => x.state !== "ok")) {
      reasons.push({
        code: f.state === "missing" ? "federated-bundle-missing" : "federated-bundle-expired",
        blocking: false,
        title:
          f.state === "missing"
            ? `${m.entry.spiffeId} federates with ${f.trustDomain}, but the server has no bundle for it: the agent serves the SVID without that bundle ("Federated bundle contents missing")`
            : `${m.entry.spiffeId} federates with ${f.trustDomain}, whose bundle holds only expired X.509 authorities: peers from ${f.trustDomain} cannot be verified`,
        fix: `Create (or repair) a federation relationship with ${f.trustDomain} so its bundle is fetched and kept fresh, or remove it from federatesWith.`,
        action: { label: "Edit entry", href: links.editEntry(input.server, m.entry.id) },
      });
    }
  }
  const blocking = reasons.some((r) => r.blocking) || matches.length === 0;
  const spiffeIds = [...new Set(matches.map((m) => m.entry.spiffeId))];
  const status: Verdict["status"] = blocking ? "none" : reasons.length ? "degraded" : "ok";
  const summary =
    status === "none"
      ? `Gets no SVID${reasons.length > 1 ? ` (${reasons.length} reasons, most likely first)` : ""}.`
      : `Gets SVIDs for: ${spiffeIds.join(", ")}${status === "degraded" ? ` (with ${reasons.length} problem${reasons.length > 1 ? "s" : ""})` : ""}`;
  return {
    server: input.server,
    trustDomain: input.trustDomain,
    selectors: input.selectors,
    agent,
    parents,
    underParents,
    matches,
    nearMisses,
    delivery: input.delivery,
    verdict: { status, summary, spiffeIds: status === "none" ? [] : spiffeIds, reasons },
  };
}
