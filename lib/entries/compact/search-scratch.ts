/** Room left when an array is made, so the tables' growth between queries does not replace it each time. */
const grown = (size: number) => size + (size >> 4) + 1024;
/** Arrays larger than this (a query matching most of a million entries) are made for the query and not kept. */
const KEPT_BYTES = 4 * 1024 * 1024;
/** Arrays kept of each kind: the factor arrays of two terms (three tables each); candidates, scores, positions. */
const KEPT_BYTE_ARRAYS = 6;
const KEPT_INT_ARRAYS = 3;

/**
 * Arrays a search reuses from one query to the next instead of making them per query. At a million entries one
 * query's factor arrays (a byte per text of each table, per term) are megabytes outside V8's heap, and their churn
 * is what starts its full collections, each a pause of the requests in flight. Only for work that ends before the
 * next query begins (synchronous, nothing kept): `reset()` starts a query; each call after it hands out an array
 * not handed out since. What it keeps is at most nine arrays of at most 4 MiB (at a million entries about 8 MiB).
 */
export class SearchScratch {
  private readonly byteArrays: Uint8Array[] = [];
  private readonly intArrays: Int32Array[] = [];
  private bytesUsed = 0;
  private intsUsed = 0;

  /** Starts a query: every array may be handed out again. */
  reset(): void {
    this.bytesUsed = 0;
    this.intsUsed = 0;
  }

  /** A Uint8Array of `size` zeros. */
  zeroedBytes(size: number): Uint8Array {
    const k = this.bytesUsed++;
    if (size > KEPT_BYTES || k >= KEPT_BYTE_ARRAYS) return new Uint8Array(size);
    let array = this.byteArrays[k];
    if (!array || array.length < size) this.byteArrays[k] = array = new Uint8Array(grown(size));
    else array.fill(0, 0, size);
    return array.subarray(0, size);
  }

  /** An Int32Array of `size`, its contents left from an earlier query. */
  ints(size: number): Int32Array {
    const k = this.intsUsed++;
    if (size * 4 > KEPT_BYTES || k >= KEPT_INT_ARRAYS) return new Int32Array(size);
    let array = this.intArrays[k];
    if (!array || array.length < size) this.intArrays[k] = array = new Int32Array(grown(size));
    return array.subarray(0, size);
  }
}
