/** Room left when an array is made, so the tables' growth between queries does not replace it each time. */
const grown = (size: number) => size + (size >> 4) + 1024;

/**
 * Arrays a search reuses from one query to the next instead of making them per query. At a million entries one
 * query's factor arrays (a byte per text of each table, per term) are megabytes outside V8's heap, and their churn
 * is what starts its full collections, each a pause of the requests in flight. Only for work that ends before the
 * next query begins (synchronous, nothing kept): `reset()` starts a query; each call after it hands out an array
 * not handed out since.
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
    let array = this.byteArrays[this.bytesUsed];
    if (!array || array.length < size) this.byteArrays[this.bytesUsed] = array = new Uint8Array(grown(size));
    else array.fill(0, 0, size);
    this.bytesUsed += 1;
    return array.subarray(0, size);
  }

  /** An Int32Array of `size`, its contents left from an earlier query. */
  ints(size: number): Int32Array {
    let array = this.intArrays[this.intsUsed];
    if (!array || array.length < size) this.intArrays[this.intsUsed] = array = new Int32Array(grown(size));
    this.intsUsed += 1;
    return array.subarray(0, size);
  }
}
