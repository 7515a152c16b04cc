/** Trigram buckets: a trigram is hashed into one of 2^17 (collisions only add candidates to check). */
const BUCKET_BITS = 17;
const BUCKETS = 1 << BUCKET_BITS;
/** A trigram in more than this share of the texts is dropped: a list that long narrows nothing. */
const COMMON_SHARE = 8;
/** Lists intersected per term; any further trigram of the term is checked on the candidates' texts. */
const MAX_LISTS = 4;

/** The bucket of the trigram of `text` starting at `at`. */
export function gramBucket(text: string, at: number): number {
  const key = (text.charCodeAt(at) << 20) ^ (text.charCodeAt(at + 1) << 10) ^ text.charCodeAt(at + 2);
  return Math.imul(key, 0x9e3779b1) >>> (32 - BUCKET_BITS);
}

const varintLength = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

/** A trigram index as plain data. */
export type NgramParts = { size: number; start: Int32Array; pool: Uint8Array; common: Uint8Array };

/** Calls `each(id, text)` for the lower-case form of every text to index, ids ascending. */
export type LowerTexts = (each: (id: number, lower: string, start: number, end: number) => void) => void;

/**
 * A trigram inverted index over the lower-case forms of a table's first `size` texts: per bucket,
 * the ids of the texts holding one of its trigrams, ascending, as delta varints in one byte pool
 * (about two bytes per trigram of a text). Trigrams found in more than an eighth of the texts keep
 * no list. `candidates(term)` gives the ids that may contain `term`; each must still be checked.
 */
export class NgramPostings {
  /** Texts indexed (ids 0 … size-1). */
  readonly size: number;
  private readonly start: Int32Array;
  private readonly pool: Uint8Array;
  /** 1 for a bucket too common to keep a list. */
  private readonly common: Uint8Array;

  constructor(size: number, start: Int32Array, pool: Uint8Array, common: Uint8Array) {
    this.size = size;
    this.start = start;
    this.pool = pool;
    this.common = common;
  }

  /** Indexes the `size` texts `texts` yields. */
  static build(size: number, texts: LowerTexts): NgramPostings {
    const last = new Int32Array(BUCKETS).fill(-1);
    const counts = new Int32Array(BUCKETS);
    const lengths = new Int32Array(BUCKETS);
    texts((id, lower, from, to) => {
      for (let at = from; at + 3 <= to; at++) {
        const b = gramBucket(lower, at);
        if (last[b] === id) continue;
        lengths[b]! += varintLength(id - last[b]!);
        counts[b]! += 1;
        last[b] = id;
      }
    });
    const common = new Uint8Array(BUCKETS);
    const limit = Math.max(64, Math.floor(size / COMMON_SHARE));
    const start = new Int32Array(BUCKETS + 1);
    for (let b = 0; b < BUCKETS; b++) {
      if (counts[b]! > limit) common[b] = 1;
      start[b + 1] = start[b]! + (common[b] ? 0 : lengths[b]!);
    }
    const pool = new Uint8Array(start[BUCKETS]!);
    const fill = start.slice(0, BUCKETS);
    last.fill(-1);
    texts((id, lower, from, to) => {
      for (let at = from; at + 3 <= to; at++) {
        const b = gramBucket(lower, at);
        if (last[b] === id || common[b]) continue;
        let gap = id - last[b]!;
        last[b] = id;
        let p = fill[b]!;
        while (gap >= 0x80) {
          pool[p++] = (gap & 0x7f) | 0x80;
          gap >>>= 7;
        }
        pool[p++] = gap;
        fill[b] = p;
      }
    });
    return new NgramPostings(size, start, pool, common);
  }

  /** The arrays, to hand to another thread (`new NgramPostings(...)` takes them back). */
  parts(): NgramParts {
    return { size: this.size, start: this.start, pool: this.pool, common: this.common };
  }

  static fromParts(parts: NgramParts): NgramPostings {
    return new NgramPostings(parts.size, parts.start, parts.pool, parts.common);
  }

  /** Bytes held (for the memory report). */
  get bytes(): number {
    return this.start.byteLength + this.pool.byteLength + this.common.byteLength;
  }

  /** The ids of one bucket's list. */
  private decode(b: number): Int32Array {
    const from = this.start[b]!;
    const to = this.start[b + 1]!;
    const out = new Int32Array(to - from);
    let n = 0;
    let id = -1;
    for (let p = from; p < to;) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = this.pool[p++]!;
        gap |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      id += gap;
      out[n++] = id;
    }
    return out.subarray(0, n);
  }

  /**
   * Ids (ascending) of the indexed texts that hold every kept trigram of `term` (lower-case), a
   * superset of those containing it; `null` when the index cannot narrow it (a term shorter than
   * three, or only common trigrams): the caller scans instead.
   */
  candidates(term: string): Int32Array | null {
    if (term.length < 3) return null;
    const buckets = new Set<number>();
    for (let at = 0; at + 3 <= term.length; at++) buckets.add(gramBucket(term, at));
    const kept = [...buckets].filter((b) => !this.common[b]);
    if (kept.length === 0) return null;
    kept.sort((a, b) => this.start[a + 1]! - this.start[a]! - (this.start[b + 1]! - this.start[b]!));
    let out = this.decode(kept[0]!);
    for (const b of kept.slice(1, MAX_LISTS)) {
      if (out.length === 0) break;
      out = intersect(out, this.decode(b));
    }
    return out;
  }
}

/** The ids in both ascending lists. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out[n++] = a[i]!;
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}
