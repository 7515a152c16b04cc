import type { EntryColumns } from "./entry-columns";
import { type NgramParts, NgramPostings } from "./ngram-postings";
import { SlotLists } from "./slot-lists";
import type { StringTable } from "./string-table";

/** Past this many slots changed since the build (or a sixteenth of the slots), the index is rebuilt. */
const REBUILD_AFTER = 20_000;

function postingsOf(table: StringTable): NgramPostings {
  const size = table.size;
  return NgramPostings.build(size, (each) => table.eachLower(0, size, each));
}

/** A search index as plain data (see `EntrySearchIndex.parts`). */
export type SearchParts = {
  nodes: NgramParts;
  texts: NgramParts;
  ids: NgramParts;
  nodeSlots: { start: Int32Array; items: Int32Array };
  textSlots: { start: Int32Array; items: Int32Array };
  slotCount: number;
};

/** Texts of one table matching a term: ids ascending and `factor[id]` as `StringTable.scan` gives it. */
export type TermMatches = { ids: number[]; factor: Uint8Array };

/**
 * What lets a search score only the entries that can match: a trigram index over each string
 * table (SPIFFE and parent IDs, selector/hint/DNS texts, entry IDs) and, per text, the slots using
 * it. It covers the texts and slots as they were at the build; texts added later are checked one
 * by one, and slots created or changed later (`markChanged`) are always scored, so patches keep
 * answers exact without rebuilding it. `stale` says when a rebuild would pay.
 */
export class EntrySearchIndex {
  readonly nodes: NgramPostings;
  readonly texts: NgramPostings;
  readonly ids: NgramPostings;
  /** Node → slots whose SPIFFE ID or parent ID it is. */
  readonly nodeSlots: SlotLists;
  /** Text → slots with it as a selector, hint or DNS name. */
  readonly textSlots: SlotLists;
  /** Slots covered by the lists (0 … slotCount-1). */
  readonly slotCount: number;
  private readonly changedFlag: Uint8Array;
  private readonly changedList: number[] = [];
  private stamp: Int32Array;
  private query = 0;

  constructor(parts: SearchParts) {
    this.nodes = NgramPostings.fromParts(parts.nodes);
    this.texts = NgramPostings.fromParts(parts.texts);
    this.ids = NgramPostings.fromParts(parts.ids);
    this.nodeSlots = SlotLists.fromParts(parts.nodeSlots);
    this.textSlots = SlotLists.fromParts(parts.textSlots);
    this.slotCount = parts.slotCount;
    this.changedFlag = new Uint8Array(parts.slotCount + REBUILD_AFTER + 1);
    this.stamp = new Int32Array(parts.slotCount);
  }

  /** Indexes the columns as they are now. */
  static build(columns: EntryColumns): EntrySearchIndex {
    const c = columns;
    const spiffe = c.spiffe.data;
    const parent = c.parent.data;
    const lists = c.lists.data;
    const hint = c.hint.data;
    const nodeSlots = SlotLists.build(c.nodes.size, c.slotCount, (slot, use) => {
      if (!c.isLive(slot)) return;
      use(spiffe[slot]!);
      if (parent[slot] !== spiffe[slot]) use(parent[slot]!);
    });
    const textSlots = SlotLists.build(c.texts.size, c.slotCount, (slot, use) => {
      if (!c.isLive(slot)) return;
      const [from, to] = c.selectorRange(slot);
      for (let i = from; i < to; i++) use(lists[i]!);
      if (hint[slot] !== 0) use(hint[slot]!);
      const [dnsFrom, dnsTo] = c.dnsRange(slot);
      for (let i = dnsFrom; i < dnsTo; i++) use(lists[i]!);
    });
    return new EntrySearchIndex({
      nodes: postingsOf(c.nodes).parts(),
      texts: postingsOf(c.texts).parts(),
      ids: postingsOf(c.idTexts).parts(),
      nodeSlots: nodeSlots.parts(),
      textSlots: textSlots.parts(),
      slotCount: c.slotCount,
    });
  }

  /**
   * The index as plain data, to hand to another thread; only an index with no change patched in
   * since its build can be handed over (changes are not part of it).
   */
  parts(): SearchParts {
    if (this.changedList.length > 0) throw new Error("a search index with patched changes cannot be handed over");
    return {
      nodes: this.nodes.parts(),
      texts: this.texts.parts(),
      ids: this.ids.parts(),
      nodeSlots: this.nodeSlots.parts(),
      textSlots: this.textSlots.parts(),
      slotCount: this.slotCount,
    };
  }

  /** Records that `slot` was created or overwritten after the build: every search scores it. */
  markChanged(slot: number): void {
    if (slot < this.changedFlag.length && this.changedFlag[slot]) return;
    if (slot < this.changedFlag.length) this.changedFlag[slot] = 1;
    this.changedList.push(slot);
  }

  /** Whether so much changed since the build that rebuilding beats checking the changes one by one. */
  stale(columns: EntryColumns): boolean {
    const limit = Math.max(REBUILD_AFTER, this.slotCount >> 4);
    const tail = (table: StringTable, postings: NgramPostings) => table.size - postings.size;
    return (
      this.changedList.length > limit ||
      tail(columns.nodes, this.nodes) > limit ||
      tail(columns.texts, this.texts) > limit ||
      tail(columns.idTexts, this.ids) > limit
    );
  }

  /** Bytes held by the index's arrays. */
  get bytes(): number {
    const postings = this.nodes.bytes + this.texts.bytes + this.ids.bytes;
    return postings + this.nodeSlots.bytes + this.textSlots.bytes + this.changedFlag.byteLength + this.stamp.byteLength;
  }

  /** The texts of `table` (indexed by `postings`) containing `term`, with their factors (in `factor`: zeros). */
  static match(
    table: StringTable,
    postings: NgramPostings,
    term: string,
    factor: Uint8Array = new Uint8Array(table.size),
  ): TermMatches {
    const ids: number[] = [];
    const candidates = postings.candidates(term);
    const check = (id: number) => {
      const f = table.factorOf(id, term);
      if (f === 0) return;
      factor[id] = f;
      ids.push(id);
    };
    if (candidates === null) {
      table.scan(term, (id, f) => {
        factor[id] = f;
        ids.push(id);
      });
      return { ids, factor };
    }
    for (const id of candidates) check(id);
    for (let id = postings.size; id < table.size; id++) check(id);
    return { ids, factor };
  }

  /** How many slots `forEachCandidate` would visit for one term's matches (an upper bound). */
  candidateCount(nodes: TermMatches, texts: TermMatches, ids: TermMatches): number {
    let n = ids.ids.length + this.changedList.length;
    for (const id of nodes.ids) n += this.nodeSlots.count(id);
    for (const id of texts.ids) n += this.textSlots.count(id);
    return n;
  }

  /**
   * Calls `each(slot)` once for every live slot that may match the term whose matches are given
   * (a superset: the caller scores each): slots using a matching text, the slot of a matching
   * entry ID, and every slot changed since the build.
   */
  forEachCandidate(
    columns: EntryColumns,
    matches: { nodes: TermMatches; texts: TermMatches; ids: TermMatches },
    each: (slot: number) => void,
  ): void {
    this.query += 1;
    if (this.query === 0x7fffffff) {
      this.stamp.fill(0);
      this.query = 1;
    }
    if (this.stamp.length < columns.slotCount) {
      const grown = new Int32Array(columns.slotCount + REBUILD_AFTER);
      grown.set(this.stamp);
      this.stamp = grown;
    }
    const stamp = this.stamp;
    const query = this.query;
    const visit = (slot: number) => {
      if (slot < 0 || stamp[slot] === query || !columns.isLive(slot)) return;
      stamp[slot] = query;
      each(slot);
    };
    for (const id of matches.nodes.ids) this.nodeSlots.forEach(id, visit);
    for (const id of matches.texts.ids) this.textSlots.forEach(id, visit);
    for (const id of matches.ids.ids) visit(columns.slotOfText(id));
    for (const slot of this.changedList) visit(slot);
  }
}
