/**
 * Rows per SPIRE batch call of an apply. SPIRE writes each entry of a batch in a transaction of its
 * own (on the bench's SQLite under load: 1,000 creates took 58–116 s), so a call of 1,000 rows
 * outlasts the server's deadline (5 s by default) and its rows come back `deadline_exceeded` while
 * SPIRE goes on creating them. 100 rows keep a call to about a second, and the apply's total is the
 * same: SPIRE's time per entry.
 */
export const APPLY_CHUNK_ROWS = 100;

/** `rows` cut into consecutive chunks of at most `size`, in order. */
export function chunksOf<T>(rows: readonly T[], size: number = APPLY_CHUNK_ROWS): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, not ${size}`);
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
