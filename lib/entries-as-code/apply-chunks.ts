/**
 * Rows per SPIRE batch call of an apply. SPIRE writes each entry of a batch in a transaction of its
 * own, and on SQLite a create costs more the more children its parent already has: on the 100k
 * bench (a parent with 19,801 children, a loaded machine) 100 creates took 5.3 s (median) and up to
 * 10 s per call, past the server's default 5 s deadline, and a timed-out call's rows come back
 * `deadline_exceeded` while SPIRE goes on creating them. 25 rows keep such a call near a second;
 * the apply's total stays SPIRE's time per entry.
 */
export const APPLY_CHUNK_ROWS = 25;

/** `rows` cut into consecutive chunks of at most `size`, in order. */
export function chunksOf<T>(rows: readonly T[], size: number = APPLY_CHUNK_ROWS): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, not ${size}`);
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/**
 * Batch calls of an apply in flight at once. The console's part of a call (authorization, audit,
 * the index patch) then overlaps SPIRE's; SPIRE orders the writes in its datastore.
 */
export const APPLY_CALLS_IN_FLIGHT = 4;

/**
 * `fn` of every item (a chunk of rows, or one row), at most `inFlight` at a time, the answers in
 * the items' order (not the order they finished in). A rejection of `fn` rejects the whole;
 * callers turn failures into row results.
 */
export async function mapChunksInOrder<T, R>(
  chunks: readonly T[],
  fn: (chunk: T) => Promise<R>,
  inFlight: number = APPLY_CALLS_IN_FLIGHT,
): Promise<R[]> {
  if (!Number.isInteger(inFlight) || inFlight < 1) throw new RangeError(`in flight must be a positive integer`);
  const answers: R[] = new Array(chunks.length);
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < chunks.length; n = next++) answers[n] = await fn(chunks[n]!);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, chunks.length) }, worker));
  return answers;
}
