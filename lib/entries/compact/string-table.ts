import { int32s } from "./growable";

const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const SEPARATOR = "\u0000";

/**
 * 4,096 texts joined into one string, with the end offset of each (the next starts one later),
 * and the same for their lower-case forms (the same string when nothing changes case).
 */
type Block = { text: string; ends: Int32Array; lower: string; lowerEnds: Int32Array };

/** A string table as plain data (see `StringTable.exportState`). */
export type StringTableState = {
  blocks: Block[];
  pending: string[];
  hashes: Int32Array;
  slots: Int32Array<ArrayBuffer>;
  count: number;
};

function endsOf(texts: readonly string[]): Int32Array {
  const ends = new Int32Array(texts.length);
  let end = 0;
  for (let k = 0; k < texts.length; k++) {
    end += texts[k]!.length;
    ends[k] = end;
    end += 1;
  }
  return ends;
}

const isBoundary = (code: number) =>
  code === 47 || code === 58 || code === 46 || code === 95 || code === 45 || code === 64 || code === 32;
const isPathBoundary = (code: number) => code === 47 || code === 58;

/** `scoreText(text, term, 1)` for the first hit of `term` at `pos` in a text spanning start…end of `lower`. */
function factorAt(lower: string, term: string, pos: number, start: number, end: number): number {
  if (pos === start && end - start === term.length) return 4;
  const before = pos === start ? -1 : lower.charCodeAt(pos - 1);
  const tail = lower.startsWith(term, end - term.length) && (before < 0 || isPathBoundary(before));
  return tail ? 3 : before < 0 || isBoundary(before) ? 2 : 1;
}

/** FNV-1a over UTF-16 code units. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Interned strings: each distinct text is kept once and named by a small integer (id 0 is the
 * empty string). To keep the garbage collector's work independent of the number of texts, no JS
 * string is kept per text: every 4,096 texts are joined into one block string, and a hash table
 * in a typed array finds a text's id. `text(id)` slices the block on demand. Texts are never
 * removed (a rebuilt index starts a new table).
 */
export class StringTable {
  private readonly blocks: Block[] = [];
  private pending: string[] = [];
  private readonly hashes = int32s(1024);
  private slots = new Int32Array(2048);
  private count = 0;
  private tail: { size: number; block: Block } | null = null;

  constructor() {
    this.intern("");
  }

  /** How many texts the table holds (ids are 0 … size-1). */
  get size(): number {
    return this.count;
  }

  /** The text of `id`. */
  text(id: number): string {
    const b = id >>> BLOCK_BITS;
    if (b === this.blocks.length) return this.pending[id & (BLOCK - 1)]!;
    const { text, ends } = this.blocks[b]!;
    const k = id & (BLOCK - 1);
    return text.slice(k === 0 ? 0 : ends[k - 1]! + 1, ends[k]!);
  }

  /** The length of the text of `id`, without building it. */
  lengthOf(id: number): number {
    const b = id >>> BLOCK_BITS;
    if (b === this.blocks.length) return this.pending[id & (BLOCK - 1)]!.length;
    const { ends } = this.blocks[b]!;
    const k = id & (BLOCK - 1);
    return ends[k]! - (k === 0 ? 0 : ends[k - 1]! + 1);
  }

  /** Whether the text of `id` is exactly `text`, without building it. */
  private holds(id: number, text: string): boolean {
    const b = id >>> BLOCK_BITS;
    if (b === this.blocks.length) return this.pending[id & (BLOCK - 1)] === text;
    const { text: joined, ends } = this.blocks[b]!;
    const k = id & (BLOCK - 1);
    const start = k === 0 ? 0 : ends[k - 1]! + 1;
    return ends[k]! - start === text.length && joined.startsWith(text, start);
  }

  /** The id of `text`, or -1 when the table does not hold it. */
  find(text: string): number {
    const mask = this.slots.length - 1;
    const hash = hashOf(text);
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const id = this.slots[at]! - 1;
      if (id < 0) return -1;
      if (this.hashes.data[id] === (hash | 0) && this.holds(id, text)) return id;
    }
  }

  /** The id of `text`, adding it when new. */
  intern(text: string): number {
    const mask = this.slots.length - 1;
    const hash = hashOf(text);
    let at = hash & mask;
    for (; ; at = (at + 1) & mask) {
      const id = this.slots[at]! - 1;
      if (id < 0) break;
      if (this.hashes.data[id] === (hash | 0) && this.holds(id, text)) return id;
    }
    const id = this.count++;
    this.hashes.set(id, hash);
    this.slots[at] = id + 1;
    this.pending.push(text);
    if (this.pending.length === BLOCK) this.sealBlock();
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  private sealBlock(): void {
    this.blocks.push(this.joinBlock(this.pending));
    this.pending = [];
  }

  private joinBlock(texts: readonly string[]): Block {
    const text = texts.join(SEPARATOR);
    const ends = endsOf(texts);
    const lowered = texts.map((t) => t.toLowerCase());
    const lower = lowered.join(SEPARATOR);
    if (lower === text) return { text, ends, lower: text, lowerEnds: ends };
    return { text, ends, lower, lowerEnds: endsOf(lowered) };
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let at = (this.hashes.data[id]! >>> 0) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = id + 1;
    }
    this.slots = slots;
  }

  private blockAt(b: number): Block {
    if (b < this.blocks.length) return this.blocks[b]!;
    if (!this.tail || this.tail.size !== this.count)
      this.tail = { size: this.count, block: this.joinBlock(this.pending) };
    return this.tail.block;
  }

  /**
   * Calls `found(id, factor)` once for every text containing `term` (already lower-case), in id
   * order, with `scoreText(text, term, 1)`: 4 for the whole text, 3 at its end after `/` or `:`,
   * 2 at a segment start, 1 elsewhere. One `indexOf` over each lower-cased block skips everything
   * that does not match, and nothing is sliced.
   */
  scan(term: string, found: (id: number, factor: number) => void): void {
    if (!term || term.includes(SEPARATOR)) return;
    const length = term.length;
    for (let b = 0; b * BLOCK < this.count; b++) {
      const { lower, lowerEnds: ends } = this.blockAt(b);
      let pos = lower.indexOf(term);
      while (pos >= 0) {
        let lo = 0;
        let hi = ends.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (ends[mid]! <= pos) lo = mid + 1;
          else hi = mid;
        }
        const end = ends[lo]!;
        // Text `lo` ends at `end`; a hit running past it spans a separator.
        if (pos + length > end) {
          pos = lower.indexOf(term, pos + 1);
          continue;
        }
        const start = lo === 0 ? 0 : ends[lo - 1]! + 1;
        found((b << BLOCK_BITS) + lo, factorAt(lower, term, pos, start, end));
        pos = lower.indexOf(term, end + 1);
      }
    }
  }

  /**
   * `scoreText(text, term, 1)` for the text of `id` (0 when it does not contain `term`, already
   * lower-case): the same factor `scan` reports, for one text.
   */
  factorOf(id: number, term: string): number {
    if (!term || id >= this.count) return 0;
    const { lower, lowerEnds: ends } = this.blockAt(id >>> BLOCK_BITS);
    const k = id & (BLOCK - 1);
    const start = k === 0 ? 0 : ends[k - 1]! + 1;
    const end = ends[k]!;
    // A bounded search: `indexOf` would run on through the rest of the block when the text misses.
    const first = term.charCodeAt(0);
    for (let pos = start; pos + term.length <= end; pos++)
      if (lower.charCodeAt(pos) === first && lower.startsWith(term, pos)) return factorAt(lower, term, pos, start, end);
    return 0;
  }

  /** Calls `each(id, lower, start, end)` for texts `from` … `to`-1: each lower-case text is `lower` from start to end. */
  eachLower(from: number, to: number, each: (id: number, lower: string, start: number, end: number) => void): void {
    for (let id = from; id < Math.min(to, this.count);) {
      const { lower, lowerEnds: ends } = this.blockAt(id >>> BLOCK_BITS);
      const blockEnd = Math.min(to, this.count, ((id >>> BLOCK_BITS) + 1) << BLOCK_BITS);
      for (; id < blockEnd; id++) {
        const k = id & (BLOCK - 1);
        each(id, lower, k === 0 ? 0 : ends[k - 1]! + 1, ends[k]!);
      }
    }
  }

  /**
   * The texts as a few large strings (each holding up to 4,096 texts joined by U+0000), for a
   * saved copy of the table; `StringTable.restore` gives back a table with the same ids.
   */
  exportBlocks(): string[] {
    return [...this.blocks.map((block) => block.text), this.pending.join(SEPARATOR)];
  }

  /**
   * The table's whole state, to hand to another thread (`StringTable.adopt`): its strings are
   * copied by `postMessage`, its typed arrays can be transferred. Nothing is recomputed on adoption.
   */
  exportState(): StringTableState {
    return {
      blocks: this.blocks,
      pending: this.pending,
      hashes: this.hashes.data.subarray(0, this.count).slice(),
      slots: this.slots,
      count: this.count,
    };
  }

  /** The table `exportState` described, as it was (same ids, no text interned again). */
  static adopt(state: StringTableState): StringTable {
    const table = new StringTable();
    table.blocks.length = 0;
    table.blocks.push(...state.blocks);
    table.pending = [...state.pending];
    table.hashes.ensure(state.count);
    table.hashes.data.set(state.hashes);
    table.slots = state.slots;
    table.count = state.count;
    return table;
  }

  /** The table `exportBlocks` saved: the same texts under the same ids. */
  static restore(blocks: readonly string[], count: number): StringTable {
    const table = new StringTable();
    for (const block of blocks) {
      for (const text of block.split(SEPARATOR)) {
        if (table.count === count) break;
        table.intern(text);
      }
    }
    if (table.count !== count) throw new Error(`a saved string table holds ${table.count} texts, not ${count}`);
    return table;
  }

  /** Every text as a JS array (for one-off passes such as sorting at build time). */
  allTexts(): string[] {
    const out: string[] = [];
    for (const { text, ends } of this.blocks) {
      let start = 0;
      for (let k = 0; k < ends.length; k++) {
        out.push(text.slice(start, ends[k]!));
        start = ends[k]! + 1;
      }
    }
    out.push(...this.pending);
    return out;
  }
}
