import { type AliasCoverage, computeAliasCoverage } from "@/lib/entries/alias-coverage";
import { serverSpiffeId } from "@/lib/schemas/spiffe-id";
import type { Agent, Entry } from "@/lib/spire/types";

import { ChildLists, type SlotOrder } from "./child-lists";
import { type DerivedTree, deriveTree, type TreeGraph } from "./derive-tree";
import { EntryColumns } from "./entry-columns";
import { EntrySearchIndex } from "./entry-search-index";
import { addLeaf, type LeafContext, removeLeaf } from "./patch-tree";
import type { SavedColumns } from "./saved-columns";

/** An index as plain data (see `CompactEntryIndex.save`); `format` changes when the layout does. */
export type SavedIndex = {
  format: typeof SAVED_INDEX_FORMAT;
  trustDomain: string;
  builtAt: number;
  version: number;
  agents: Agent[];
  /** When the agents were read (absent in copies saved before it was kept: `builtAt`). */
  agentsReadAt?: number;
  columns: SavedColumns;
};
export const SAVED_INDEX_FORMAT = 1;

/** A change to apply to an index: entries created or edited (whole), and IDs deleted. */
export type EntryChange = { upserts: readonly Entry[]; deletes: readonly string[] };

/**
 * The entry index of one server in compact form: entries in typed-array columns with interned
 * strings, children per SPIFFE ID as slot lists, and the derived tree (orphans, subtree counts)
 * recomputed lazily after a structural change. Built by streaming pages into `addEntries`, then
 * `seal()`; afterwards `applyChange` patches it in place. Pure: no I/O.
 */
export class CompactEntryIndex {
  readonly trustDomain: string;
  readonly serverId: string;
  readonly columns: EntryColumns;
  readonly children = new ChildLists();
  readonly serverNode: number;
  /** When the walk this index came from finished (epoch ms). */
  builtAt: number;
  /** Bumped by every change applied after the build. */
  version = 0;
  /** Bumped by anything that changes what the index answers (changes and agents), for caches of views. */
  generation = 0;
  /** Changes applied to the derived tree in place, and full recomputations of it. */
  readonly stats = { leafPatches: 0, recomputes: 0 };
  agents: Agent[] = [];
  agentById = new Map<string, Agent>();
  /** Agents whose X509-SVID had expired when the agents were last read. */
  expiredAgents = new Set<string>();
  /** When the agents were read from SPIRE (epoch ms): their SVIDs' time left is judged at it. */
  agentsReadAt = 0;
  private agentNodes: number[] = [];
  private sealed = false;
  private derivedTree: DerivedTree | null = null;
  private search: EntrySearchIndex | null = null;
  private aliasView: { aliases: Entry[]; coverage: AliasCoverage } | null = null;

  constructor(trustDomain: string, now: number, capacity = 1024, columns?: EntryColumns) {
    this.trustDomain = trustDomain;
    this.serverId = serverSpiffeId(trustDomain);
    this.columns = columns ?? new EntryColumns(capacity);
    this.serverNode = this.columns.nodes.intern(this.serverId);
    this.builtAt = now;
  }

  /** Everything needed to serve this index again without a walk (see `restore`). */
  save(): SavedIndex {
    return {
      format: SAVED_INDEX_FORMAT,
      trustDomain: this.trustDomain,
      builtAt: this.builtAt,
      version: this.version,
      agents: this.agents,
      agentsReadAt: this.agentsReadAt,
      columns: this.columns.save(),
    };
  }

  /** A sealed index answering as the saved one did (agents' expiry judged at `now`). */
  static restore(saved: SavedIndex, now: number): CompactEntryIndex {
    if (saved.format !== SAVED_INDEX_FORMAT) throw new Error(`saved index format ${saved.format} is not supported`);
    const index = new CompactEntryIndex(saved.trustDomain, saved.builtAt, 0, EntryColumns.restore(saved.columns));
    index.setAgents(saved.agents, now, saved.agentsReadAt ?? saved.builtAt);
    index.seal();
    index.derived();
    index.version = saved.version;
    return index;
  }

  /**
   * Takes the parts of an index sealed in another thread (see `index-handover.ts`) instead of
   * building them again: its child lists, derived tree and search index.
   */
  adoptBuilt(parts: {
    children: { start: Int32Array<ArrayBuffer>; items: Int32Array<ArrayBuffer> };
    derived: DerivedTree;
    search: EntrySearchIndex;
  }): void {
    this.children.adopt(parts.children.start, parts.children.items);
    this.sealed = true;
    this.invalidate();
    this.derivedTree = parts.derived;
    this.search = parts.search;
  }

  /** Display order of child slots: SPIFFE ID, then entry ID (as the reference index sorts). */
  readonly order: SlotOrder = (a, b) => {
    const c = this.columns;
    const sa = c.spiffe.data[a]!;
    const sb = c.spiffe.data[b]!;
    if (sa !== sb) return c.nodes.text(sa) < c.nodes.text(sb) ? -1 : 1;
    const ia = c.idAt(a);
    const ib = c.idAt(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };

  /** Live entries. */
  get size(): number {
    return this.columns.liveCount;
  }

  /** Adds one walked page. Before `seal()` only columns are written; after, it patches. */
  addEntries(entries: readonly Entry[]): void {
    if (this.sealed) {
      this.applyChange({ upserts: entries, deletes: [] });
      return;
    }
    for (const entry of entries) this.addEntry(entry);
  }

  /** Adds one walked entry (before `seal()`: after, use `addEntries`, which patches the tree). */
  addEntry(entry: Entry): void {
    if (this.sealed) throw new Error("addEntry after seal(): use addEntries");
    const slot = this.columns.slotOf(entry.id);
    if (slot >= 0) this.columns.overwrite(slot, entry);
    else this.columns.add(entry);
  }

  /** Replaces the agents (sorted by SPIFFE ID); `now` decides which have expired; `readAt`: when they were read. */
  setAgents(agents: readonly Agent[], now: number, readAt = now): void {
    this.agentsReadAt = readAt;
    this.agents = [...agents].sort((a, b) => (a.spiffeId < b.spiffeId ? -1 : a.spiffeId > b.spiffeId ? 1 : 0));
    this.agentById = new Map(this.agents.map((a) => [a.spiffeId, a]));
    this.agentNodes = this.agents.map((a) => this.columns.nodes.intern(a.spiffeId));
    this.expiredAgents = new Set(
      this.agents
        .filter((a) => a.x509SvidExpiresAt !== null && Date.parse(a.x509SvidExpiresAt) <= now)
        .map((a) => a.spiffeId),
    );
    this.generation += 1;
    this.invalidate();
  }

  /** Groups the walked entries into child lists; the index is ready to serve. */
  seal(): void {
    const c = this.columns;
    // Sorting a million children compares strings ~20 million times: read them from plain arrays
    // for this one pass instead of slicing blocks.
    const nodes = c.nodes.allTexts();
    const ids = c.idTexts.allTexts();
    const spiffe = c.spiffe.data;
    const idText = c.idText.data;
    const order: SlotOrder = (a, b) => {
      const sa = nodes[spiffe[a]!]!;
      const sb = nodes[spiffe[b]!]!;
      if (sa !== sb) return sa < sb ? -1 : 1;
      const ia = ids[idText[a]!]!;
      const ib = ids[idText[b]!]!;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    };
    this.children.build(c.nodes.size, c.slotCount, c.parent.data, c.flags.data, order);
    this.sealed = true;
    this.invalidate();
  }

  private invalidate(): void {
    this.derivedTree = null;
    this.aliasView = null;
  }

  /**
   * Applies creates, edits and deletes in place. Creating, moving or deleting a leaf (an entry
   * nothing is parented to, on a simple chain) updates the derived tree at once; any other
   * structural change marks it for recomputation on the next read. An edit that keeps the SPIFFE
   * ID and parent changes no derived fact (but node entries refresh alias coverage).
   */
  applyChange(change: EntryChange): void {
    const c = this.columns;
    for (const entry of change.upserts) {
      const slot = c.slotOf(entry.id);
      if (slot < 0) {
        const added = c.add(entry);
        this.search?.markChanged(added);
        this.children.insert(c.parent.data[added]!, added, this.order);
        this.afterAdd(added);
        if (entry.parentId === this.serverId) this.aliasView = null;
        continue;
      }
      const moved = c.spiffeIdOf(slot) !== entry.spiffeId || c.parentIdOf(slot) !== entry.parentId;
      if (c.parent.data[slot] === this.serverNode || entry.parentId === this.serverId) this.aliasView = null;
      if (moved) {
        this.beforeRemove(slot);
        this.children.remove(c.parent.data[slot]!, slot, this.order);
      }
      c.overwrite(slot, entry);
      this.search?.markChanged(slot);
      if (moved) {
        this.children.insert(c.parent.data[slot]!, slot, this.order);
        this.afterAdd(slot);
      }
    }
    for (const id of change.deletes) {
      const slot = c.slotOf(id);
      if (slot < 0) continue;
      if (c.parent.data[slot] === this.serverNode) this.aliasView = null;
      this.beforeRemove(slot);
      this.children.remove(c.parent.data[slot]!, slot, this.order);
      c.remove(slot);
    }
    this.version += 1;
    this.generation += 1;
  }

  private leafContext(): LeafContext {
    const c = this.columns;
    return {
      spiffe: c.spiffe.data,
      parent: c.parent.data,
      flags: c.flags.data,
      slotCount: c.slotCount,
      nodeCount: c.nodes.size,
      childCount: (node) => this.children.count(node),
      serverNode: this.serverNode,
      agentNodes: this.agentNodes,
    };
  }

  private afterAdd(slot: number): void {
    if (!this.derivedTree) return;
    if (addLeaf(this.derivedTree, this.leafContext(), slot)) this.stats.leafPatches += 1;
    else this.derivedTree = null;
  }

  private beforeRemove(slot: number): void {
    if (!this.derivedTree) return;
    if (removeLeaf(this.derivedTree, this.leafContext(), slot)) this.stats.leafPatches += 1;
    else this.derivedTree = null;
  }

  /** The columns and a flat snapshot of the child lists, as the derived-tree functions read them. */
  graph(): TreeGraph {
    const c = this.columns;
    const nodeCount = c.nodes.size;
    const agentFlags = new Uint8Array(nodeCount);
    for (const node of this.agentNodes) agentFlags[node] = 1;
    const { start, items } = this.children.snapshot(nodeCount);
    return {
      nodeCount,
      slotCount: c.slotCount,
      flags: c.flags.data,
      spiffe: c.spiffe.data,
      parent: c.parent.data,
      childStart: start,
      childItems: items,
      serverNode: this.serverNode,
      agentNodes: this.agentNodes,
      agentFlags,
    };
  }

  /** Orphans, subtree counts and who holds each SPIFFE ID (recomputed after a structural change). */
  derived(): DerivedTree {
    if (!this.derivedTree) {
      this.derivedTree = deriveTree(this.graph());
      this.stats.recomputes += 1;
    }
    return this.derivedTree;
  }

  /**
   * The trigram search index (built on first use after the walk, and again once the changes
   * patched in since outweigh it; see `EntrySearchIndex`).
   */
  searchIndex(): EntrySearchIndex {
    if (!this.search || this.search.stale(this.columns)) this.search = EntrySearchIndex.build(this.columns);
    return this.search;
  }

  /** Node entries (parented to the server) and which agents each covers. */
  aliases(): { aliases: Entry[]; coverage: AliasCoverage } {
    if (!this.aliasView) {
      const aliases = Array.from(this.children.list(this.serverNode), (slot) => this.columns.entryAt(slot));
      this.aliasView = { aliases, coverage: computeAliasCoverage(aliases, this.agents) };
    }
    return this.aliasView;
  }

  /** The node of a SPIFFE ID, or -1 when no entry or agent has ever used it. */
  nodeOf(spiffeId: string): number {
    return this.columns.nodes.find(spiffeId);
  }

  /** The first live entry (in slot order) with this SPIFFE ID, or -1. */
  firstEntryOf(spiffeId: string): number {
    const node = this.nodeOf(spiffeId);
    const first = this.derived().firstEntry;
    return node >= 0 && node < first.length ? first[node]! : -1;
  }

  /** Entries parented directly to a SPIFFE ID (e.g. the entries an agent serves), 0 when none. */
  childCount(spiffeId: string): number {
    const node = this.nodeOf(spiffeId);
    return node >= 0 ? this.children.count(node) : 0;
  }

  /** Entries below a SPIFFE ID (unfiltered), 0 when none. */
  subtreeCount(spiffeId: string): number {
    const node = this.nodeOf(spiffeId);
    const counts = this.derived().counts;
    return node >= 0 && node < counts.length ? Math.max(0, counts[node]!) : 0;
  }

  /** Slots of the live entries, in slot order. */
  *liveSlots(): Generator<number> {
    for (let slot = 0; slot < this.columns.slotCount; slot++) if (this.columns.isLive(slot)) yield slot;
  }
}
