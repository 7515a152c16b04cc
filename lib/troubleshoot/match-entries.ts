import { aliasCoversAgent } from "@/lib/entries/alias-coverage";
import { isSelectorSubset, selectorKey, selectorSet } from "@/lib/entries/match-selectors";
import { psatNodeOf } from "@/lib/kubernetes/node-matrix";
import { serverSpiffeId } from "@/lib/schemas/spiffe-id";
import type { Agent, Entry, Selector } from "@/lib/spire/types";

/** A SPIFFE ID an entry can be parented to so that a given agent serves it. */
export type ServingParent = { spiffeId: string; kind: "agent" | "alias"; entryId: string | null };

/** The agent's own ID and every node alias (entry parented to the server) that covers it. */
export function servingParents(
  agent: Pick<Agent, "spiffeId" | "selectors"> | null,
  entries: readonly Entry[],
  trustDomain: string,
): ServingParent[] {
  if (!agent) return [];
  const serverId = serverSpiffeId(trustDomain);
  const aliases = entries.filter((e) => e.parentId === serverId && aliasCoversAgent(e, agent));
  return [
    { spiffeId: agent.spiffeId, kind: "agent", entryId: null },
    ...aliases.map((a) => ({ spiffeId: a.spiffeId, kind: "alias" as const, entryId: a.id })),
  ];
}

export type EntryComparison = {
  entry: Entry;
  satisfied: Selector[];
  missing: Selector[];
  /** Entry selectors ⊆ workload selectors (and the entry has selectors). */
  selectorsMatch: boolean;
  underParent: boolean;
};

/** Splits an entry's selectors into those the workload has and those it lacks. */
export function compareEntry(
  entry: Entry,
  workload: ReadonlySet<string>,
  parents: ReadonlySet<string>,
): EntryComparison {
  const satisfied = entry.selectors.filter((s) => workload.has(selectorKey(s)));
  const missing = entry.selectors.filter((s) => !workload.has(selectorKey(s)));
  return {
    entry,
    satisfied,
    missing,
    selectorsMatch: entry.selectors.length > 0 && isSelectorSubset(entry.selectors, workload),
    underParent: parents.has(entry.parentId),
  };
}

/**
 * The attribute a selector sets, so two selectors can be told "same attribute, other value":
 * `k8s:ns`, `k8s:pod-label:app`, `k8s:pod-owner:ReplicaSet`, `unix:uid`.
 */
export function selectorAttribute(s: Selector): string {
  const parts = s.value.split(":");
  const keyed = s.type === "k8s" && ["pod-label", "ns-label", "pod-owner", "pod-owner-uid"].includes(parts[0] ?? "");
  return `${s.type}:${keyed ? parts.slice(0, 2).join(":") : parts[0]}`;
}

/** A k8s_psat agent ID: spiffe://<td>/spire/agent/k8s_psat/<cluster>/<node uid>. */
const PSAT_AGENT_PATH = /^spiffe:\/\/[^/]+\/spire\/agent\/k8s_psat\/[^/]+\/([^/]+)$/;

const GENERIC = /^(ns|node-name|pod-image-count|pod-init-image-count):/;
/** Selectors that many workloads share; sharing only these does not make an entry "meant" for a workload. */
export const isGenericSelector = (s: Selector) => s.type === "k8s" && GENERIC.test(s.value);

export type ParentProblem =
  | { kind: "stale-parent"; nodeUid: string }
  | { kind: "other-agent"; agentId: string }
  | { kind: "alias-not-covering"; aliasId: string; aliasEntryId: string; uncovered: Selector[] }
  | { kind: "parent-elsewhere" };

/** Context for telling why a parent does not serve the workload. */
export type ParentContext = {
  trustDomain: string;
  agents: readonly Agent[];
  entries: readonly Entry[];
  /** The agent serving the workload (null when none). */
  agent: Pick<Agent, "spiffeId" | "selectors"> | null;
  /** UIDs of the cluster's nodes; null without Kubernetes. */
  nodeUids: ReadonlySet<string> | null;
};

/** Why `parentId` is not one of the workload's serving parents. */
export function classifyParent(parentId: string, ctx: ParentContext): ParentProblem {
  const known = ctx.agents.find((a) => a.spiffeId === parentId);
  const nodeUid = (known && psatNodeOf(known)?.nodeUid) ?? PSAT_AGENT_PATH.exec(parentId)?.[1] ?? null;
  if (nodeUid && (!known || (ctx.nodeUids !== null && !ctx.nodeUids.has(nodeUid))))
    return { kind: "stale-parent", nodeUid };
  if (known) return { kind: "other-agent", agentId: known.spiffeId };
  const serverId = serverSpiffeId(ctx.trustDomain);
  const alias = ctx.entries.find((e) => e.parentId === serverId && e.spiffeId === parentId);
  if (alias) {
    const agentKeys = selectorSet(ctx.agent?.selectors ?? []);
    return {
      kind: "alias-not-covering",
      aliasId: alias.spiffeId,
      aliasEntryId: alias.id,
      uncovered: alias.selectors.filter((s) => !agentKeys.has(selectorKey(s))),
    };
  }
  return { kind: "parent-elsewhere" };
}

export type SelectorDifference = { expected: Selector; actual: Selector[] };

export type NearMissKind =
  | "stale-parent"
  | "other-agent"
  | "alias-not-covering"
  | "parent-elsewhere"
  | "namespace"
  | "service-account"
  | "selectors";

export type NearMiss = {
  entry: Entry;
  kind: NearMissKind;
  satisfied: Selector[];
  missing: Selector[];
  /** For each missing selector, the workload's selectors of the same attribute (other values). */
  differences: SelectorDifference[];
  parentOk: boolean;
  parentProblem: ParentProblem | null;
  /** Lower is closer: 2 per missing selector, 1 for a parent that does not serve the workload. */
  score: number;
};

function selectorKind(missing: readonly Selector[]): NearMissKind {
  const attrs = new Set(missing.map(selectorAttribute));
  if (attrs.size === 1 && attrs.has("k8s:ns")) return "namespace";
  if (attrs.size === 1 && attrs.has("k8s:sa")) return "service-account";
  return "selectors";
}

/**
 * Entries that do not deliver to the workload but nearly do, closest first: all selectors
 * satisfied under a parent that does not serve it (stale node UID, another agent, an alias that
 * does not cover its agent), or a few selectors off (namespace, service account, others). An
 * entry counts only if it fully matches, or shares a selector more specific than the namespace
 * or node with the workload. Entries that do match under a serving parent are not near misses.
 */
export function rankNearMisses(
  entries: readonly Entry[],
  workloadSelectors: readonly Selector[],
  parents: readonly ServingParent[],
  ctx: ParentContext,
  limit = 10,
): NearMiss[] {
  const workload = selectorSet(workloadSelectors);
  const parentIds = new Set(parents.map((p) => p.spiffeId));
  const serverId = serverSpiffeId(ctx.trustDomain);
  const byAttribute = new Map<string, Selector[]>();
  for (const s of workloadSelectors)
    byAttribute.set(selectorAttribute(s), [...(byAttribute.get(selectorAttribute(s)) ?? []), s]);
  const misses: NearMiss[] = [];
  for (const entry of entries) {
    if (entry.parentId === serverId || entry.selectors.length === 0) continue;
    const c = compareEntry(entry, workload, parentIds);
    if (c.selectorsMatch && c.underParent) continue;
    const relevant = c.missing.length === 0 || c.satisfied.some((s) => !isGenericSelector(s));
    if (!relevant || c.satisfied.length === 0) continue;
    const parentProblem = c.underParent ? null : classifyParent(entry.parentId, ctx);
    const kind: NearMissKind = c.missing.length === 0 ? parentProblem!.kind : selectorKind(c.missing);
    misses.push({
      entry,
      kind,
      satisfied: c.satisfied,
      missing: c.missing,
      parentOk: c.underParent,
      parentProblem,
      differences: c.missing.map((m) => ({ expected: m, actual: byAttribute.get(selectorAttribute(m)) ?? [] })),
      score: c.missing.length * 2 + (c.underParent ? 0 : 1),
    });
  }
  return misses
    .sort(
      (a, b) =>
        a.score - b.score ||
        b.satisfied.length - a.satisfied.length ||
        a.entry.spiffeId.localeCompare(b.entry.spiffeId) ||
        a.entry.id.localeCompare(b.entry.id),
    )
    .slice(0, limit);
}

/** Entries under a serving parent whose selectors are all among the workload's. */
export function matchingEntries(
  entries: readonly Entry[],
  workloadSelectors: readonly Selector[],
  parents: readonly ServingParent[],
): Entry[] {
  const workload = selectorSet(workloadSelectors);
  const parentIds = new Set(parents.map((p) => p.spiffeId));
  return entries.filter((e) => compareEntry(e, workload, parentIds).selectorsMatch && parentIds.has(e.parentId));
}

/** "k8s:ns:web" → { type: "k8s", value: "ns:web" }; null without a colon or an empty side. */
export function parseSelector(text: string): Selector | null {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(":");
  if (colon <= 0 || colon === trimmed.length - 1) return null;
  return { type: trimmed.slice(0, colon), value: trimmed.slice(colon + 1) };
}
