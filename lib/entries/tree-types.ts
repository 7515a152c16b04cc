import type { Entry, Selector } from "@/lib/spire/types";

// The shapes of the entry tree, its parent chains and its search, as loaders return them and the
// browser receives them. Built from the compact index (lib/entries/compact); the reference
// implementation the unit tests compare it with is in test/support/reference-index.

export type TreeNodeKind = "server" | "agent" | "alias" | "entry" | "orphans";

/** One row of the entry tree as the browser receives it (plain data, no children inlined). */
export type TreeNode = {
  /** Unique per row kind: `server`, `agent:<id>`, `entry:<id>`, `orphans`. */
  key: string;
  kind: TreeNodeKind;
  /** The SPIFFE ID whose children this node expands to ("" for the Orphans group). */
  spiffeId: string;
  entryId: string | null;
  parentId: string | null;
  selectors: Selector[];
  /** Entries (matching the filter, if any) directly below / anywhere below this node. */
  childCount: number;
  subtreeCount: number;
  /** For a node alias: the agents it covers. For an agent: the aliases covering it. */
  covers: string[];
  aliases: string[];
  flags: {
    expired: boolean;
    banned: boolean;
    parentAgentExpired: boolean;
    orphanReason: "missing-parent" | "unreachable" | null;
    admin: boolean;
    downstream: boolean;
    federatesWith: string[];
    expiresAt: string | null;
    attestationType: string | null;
    /** The agent's `agent_version` (agent rows only). */
    agentVersion: string | null;
  };
};

/** One page of child rows. */
export type ChildPage = { nodes: TreeNode[]; total: number; offset: number; nextOffset: number | null };

/** One link of an entry's parent chain (nearest parent first, ending at the server or a missing parent). */
export type ChainLink = { spiffeId: string; kind: "server" | "agent" | "entry" | "missing"; entryId?: string };

/** Where a search term was found in an entry. */
export type EntryMatchField = "spiffeId" | "entryId" | "selector" | "hint" | "dnsName" | "parentId";

/** One found entry, with the field that matched best and that field's text. */
export type EntrySearchHit = { entry: Entry; score: number; field: EntryMatchField; match: string };

export type EntrySearchPage = { hits: EntrySearchHit[]; total: number; nextOffset: number | null };
