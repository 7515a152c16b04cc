import { aliasCoversAgent } from "@/lib/entries/alias-coverage";
import { isSelectorSubset, selectorKey, selectorSet } from "@/lib/entries/match-selectors";
import { psatNodeOf } from "@/lib/kubernetes/node-matrix";
import { serverSpiffeId } from "@/lib/schemas/spiffe-id";
import type { Agent, Entry, Selector } from "@/lib/spire/types";

/** A SPIFFE ID an entry can be parented to so that a given agent serves it. */
export type ServingParent = { spiffeId: string; kind: "agent" | "alias"; entryId: string | null };

/**
 * The agent's own ID and every node alias that covers it, from `aliases` (entries parented to the
 * server; any other entry given is ignored).
 */
export function servingParents(
  agent: Pick<Agent, "spiffeId" | "selectors"> | null,
  aliases: readonly Entry[],
  trustDomain: string,
): ServingParent[] {
  if (!agent) return [];
  const serverId = serverSpiffeId(trustDomain);
  const covering = aliases.filter((e) => e.parentId === serverId && aliasCoversAgent(e, agent));
  return [
    { spiffeId: agent.spiffeId, kind: "agent", entryId: null },
    ...covering.map((a) => ({ spiffeId: a.spiffeId, kind: "alias" as const, entryId: a.id })),
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

const GENERIC = /^((ns|node-name|pod-image-count|pod-init-image-count):|sa:default$)/;
/**
 * Selectors that many workloads share (the namespace, the node, the image counts, and the `default` service account
 * every pod that names none runs as); sharing only these does not make an entry "meant" for a workload.
 */
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
  /** Node aliases (entries parented to the server; others are ignored). */
  aliases: readonly Entry[];
  /** The agent serving the workload (null when none). */
  agent: Pick<Agent, "spiffeId" | "selectors"> | null;
  /** UIDs of the cluster's nodes; null without Kubernetes. */
  nodeUids: ReadonlySet<string> | null;
  /** The workload's cluster (k8s_psat name): an agent of another cluster is another agent, not a stale one. */
  cluster?: string | null;
};

/** Why `parentId` is not one of the workload's serving parents. */
export function classifyParent(parentId: string, ctx: ParentContext): ParentProblem {
  const known = ctx.agents.find((a) => a.spiffeId === parentId);
  const ref = known ? psatNodeOf(known) : null;
  const nodeUid = ref?.nodeUid ?? PSAT_AGENT_PATH.exec(parentId)?.[1] ?? null;
  const otherCluster = Boolean(ctx.cluster && ref?.cluster && ref.cluster !== ctx.cluster);
  if (nodeUid && !otherCluster && (!known || (ctx.nodeUids !== null && !ctx.nodeUids.has(nodeUid))))
    return { kind: "stale-parent", nodeUid };
  if (known) return { kind: "other-agent", agentId: known.spiffeId };
  const serverId = serverSpiffeId(ctx.trustDomain);
  const alias = ctx.aliases.find((e) => e.parentId === serverId && e.spiffeId === parentId);
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
  /** Ties are broken by resemblance: words a missing value shares with the workload's value (sa `api` ~ `payments-api`). */
  resemblance: number;
};

const words = (value: string) =>
  new Set(
    value
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );

/** Words one value shares with the other when one's words all appear in the other (`api` in `payments-api`), else 0. */
function containedWords(a: string, b: string): number {
  const [x, y] = [words(a), words(b)];
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared > 0 && (shared === x.size || shared === y.size) ? shared : 0;
}

/** How much the missing selectors' values look like the workload's values of the same attributes. */
function resemblanceOf(differences: readonly SelectorDifference[]): number {
  let total = 0;
  for (const d of differences) {
    const wanted = d.expected.value.split(":").at(-1) ?? "";
    total += Math.max(0, ...d.actual.map((a) => containedWords(wanted, a.value.split(":").at(-1) ?? "")));
  }
  return total;
}

function selectorKind(missing: readonly Selector[]): NearMissKind {
  const attrs = new Set(missing.map(selectorAttribute));
  if (attrs.size === 1 && attrs.has("k8s:ns")) return "namespace";
  if (attrs.size === 1 && attrs.has("k8s:sa")) return "service-account";
  return "selectors";
}

/**
 * Entries that do not deliver to the workload but nearly do, closest first, searched under every
 * parent (other agents, stale agents, node aliases that do not cover the workload's node): all
 * selectors satisfied under a parent that does not serve it, or a few selectors off (namespace,
 * service account, others). An entry counts if it fully matches, shares a selector more specific
 * than the namespace or node with the workload, or shares one and differs only in look-alike values
 * of attributes the workload has (`k8s:sa:api` where it has `k8s:sa:payments-api`): the entry a
 * person would call "the one for this pod", and the one the entry's own page names as closest.
 * Entries that do match under a serving parent are not near misses.
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
    const differences = c.missing.map((m) => ({ expected: m, actual: byAttribute.get(selectorAttribute(m)) ?? [] }));
    const resemblance = resemblanceOf(differences);
    const lookAlike = differences.every((d) => d.actual.length > 0 && resemblanceOf([d]) > 0);
    const relevant = c.missing.length === 0 || c.satisfied.some((s) => !isGenericSelector(s)) || lookAlike;
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
      differences,
      score: c.missing.length * 2 + (c.underParent ? 0 : 1),
      resemblance,
    });
  }
  return misses
    .sort(
      (a, b) =>
        a.score - b.score ||
        b.satisfied.length - a.satisfied.length ||
        b.resemblance - a.resemblance ||
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
