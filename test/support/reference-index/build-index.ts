import { type AliasCoverage, computeAliasCoverage } from "@/lib/entries/alias-coverage";
import { findOrphans, type Orphan } from "@/lib/entries/find-orphans";
import type { ChainLink } from "@/lib/entries/tree-types";
import { serverSpiffeId } from "@/lib/schemas/spiffe-id";
import type { Agent, Entry } from "@/lib/spire/types";

import { countSubtrees } from "./subtree-counts";

/**
 * The reference (simple) entry index: every entry as an object, grouped by parent. The console
 * serves the compact index (`compact/compact-index.ts`); unit tests hold the two to the same tree,
 * counts, orphans, chains and search results, including after patches.
 */
export type EntryIndex = {
  serverId: string;
  builtAt: number;
  entries: Entry[];
  agents: Agent[];
  entryById: Map<string, Entry>;
  /** SPIFFE ID → the first entry with that ID (several entries may share one). */
  entryBySpiffeId: Map<string, Entry>;
  agentById: Map<string, Agent>;
  /** Parent SPIFFE ID → entries parented to it, sorted by SPIFFE ID. */
  childrenOf: Map<string, Entry[]>;
  /** Entries parented to the server (node entries / node aliases). */
  aliases: Entry[];
  coverage: AliasCoverage;
  orphans: Orphan[];
  /** SPIFFE ID → number of entries below it. */
  subtreeCounts: Map<string, number>;
  /** Agents whose X509-SVID has expired at build time. */
  expiredAgents: Set<string>;
};

const byIdThenEntryId = (a: Entry, b: Entry) =>
  a.spiffeId < b.spiffeId ? -1 : a.spiffeId > b.spiffeId ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Groups entries by parent, finds aliases, coverage, orphans and subtree counts. Pure. */
export function buildEntryIndex(input: {
  trustDomain: string;
  entries: Entry[];
  agents: Agent[];
  now: number;
}): EntryIndex {
  const serverId = serverSpiffeId(input.trustDomain);
  const childrenOf = new Map<string, Entry[]>();
  const entryById = new Map<string, Entry>();
  const entryBySpiffeId = new Map<string, Entry>();
  for (const entry of input.entries) {
    entryById.set(entry.id, entry);
    if (!entryBySpiffeId.has(entry.spiffeId)) entryBySpiffeId.set(entry.spiffeId, entry);
    const list = childrenOf.get(entry.parentId);
    if (list) list.push(entry);
    else childrenOf.set(entry.parentId, [entry]);
  }
  for (const list of childrenOf.values()) list.sort(byIdThenEntryId);
  const agents = [...input.agents].sort((a, b) => (a.spiffeId < b.spiffeId ? -1 : 1));
  const agentById = new Map(agents.map((a) => [a.spiffeId, a]));
  const aliases = childrenOf.get(serverId) ?? [];
  const orphans = findOrphans(input.entries, serverId, new Set(agentById.keys()));
  const roots = [serverId, ...agentById.keys(), ...orphans.map((o) => o.entry.spiffeId)];
  const expiredAgents = new Set(
    agents
      .filter((a) => a.x509SvidExpiresAt !== null && Date.parse(a.x509SvidExpiresAt) <= input.now)
      .map((a) => a.spiffeId),
  );
  return {
    serverId,
    builtAt: input.now,
    entries: input.entries,
    agents,
    entryById,
    entryBySpiffeId,
    agentById,
    childrenOf,
    aliases,
    coverage: computeAliasCoverage(aliases, agents),
    orphans,
    subtreeCounts: countSubtrees(roots, childrenOf),
    expiredAgents,
  };
}

/** The chain of parents of an entry up to the server (nearest first), stopping at a cycle. */
export function parentChain(index: EntryIndex, entry: Entry): ChainLink[] {
  const chain: ChainLink[] = [];
  const seen = new Set<string>([entry.spiffeId]);
  let parentId = entry.parentId;
  while (!seen.has(parentId)) {
    seen.add(parentId);
    if (parentId === index.serverId) return [...chain, { spiffeId: parentId, kind: "server" }];
    if (index.agentById.has(parentId)) {
      chain.push({ spiffeId: parentId, kind: "agent" });
      return [...chain, { spiffeId: index.serverId, kind: "server" }];
    }
    const parent = index.entryBySpiffeId.get(parentId);
    if (!parent) return [...chain, { spiffeId: parentId, kind: "missing" }];
    chain.push({ spiffeId: parentId, kind: "entry", entryId: parent.id });
    parentId = parent.parentId;
  }
  return chain;
}
