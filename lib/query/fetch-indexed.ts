import { describeIndexProgress, type IndexProgress, readIndexProgress } from "@/lib/entries/index-progress";

import { ApiClientError, fetchJson } from "./fetch-json";

/** A request that needs the entry index was refused because its first walk still runs (retried until done). */
export class IndexBuildingError extends ApiClientError {
  readonly progress: IndexProgress;

  constructor(progress: IndexProgress) {
    super(503, "unavailable", describeIndexProgress(progress).detail);
    this.name = "IndexBuildingError";
    this.progress = progress;
  }
}

/**
 * fetchJson for a route answered from the entry index of `server`: a 503 `unavailable` while the
 * index's first walk runs becomes an IndexBuildingError with the walk's progress (read from the
 * index status route); any other failure is thrown as is.
 */
export async function fetchIndexed<T>(server: string, url: string): Promise<T> {
  try {
    return await fetchJson<T>(url);
  } catch (error) {
    if (!(error instanceof ApiClientError) || error.status !== 503) throw error;
    const status = await fetchJson<unknown>(`/api/servers/${encodeURIComponent(server)}/entries/index`).catch(
      () => null,
    );
    const progress = readIndexProgress(status);
    throw progress ? new IndexBuildingError(progress) : error;
  }
}

/** The longest a page keeps retrying while an index is built (the walk's own deadline is 15 minutes). */
const MAX_INDEX_RETRIES = 600;

/**
 * The retry rule of queries made with fetchIndexed: while the index is being built, retry (every
 * 1.5 s, up to the walk's deadline); otherwise the app's rule (4xx never, others twice).
 */
export function retryIndexed(failureCount: number, error: Error): boolean {
  if (error instanceof IndexBuildingError) return failureCount < MAX_INDEX_RETRIES;
  return !(error instanceof ApiClientError && error.status >= 400 && error.status < 500) && failureCount < 2;
}

/** The delay before a retry of retryIndexed: 1.5 s while the index is built, else exponential up to 30 s. */
export function retryIndexedDelay(failureCount: number, error: Error): number {
  return error instanceof IndexBuildingError ? 1_500 : Math.min(1_000 * 2 ** failureCount, 30_000);
}
