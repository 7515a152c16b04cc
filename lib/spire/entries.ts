import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary, callUnaryBytes, walkPagesAhead } from "./call";
import { decodeEntryPage, entryPageToken } from "./decode-entry-page";
import { toEntryFilter } from "./filters";
import { toEntry } from "./mappers";
import type { PbEntry } from "./proto-types";
import type { Entry, EntryFilters, Page } from "./types";

/**
 * Fetches one page of entries matching `filters` (SPIRE may return fewer than `pageSize`). The
 * answer is decoded from SPIRE's bytes straight into entries (no protobufjs objects in between):
 * a page of 1,000 makes half the garbage, which under load is what grows the heap.
 */
export async function listEntries(
  server: ServerConfig,
  filters: EntryFilters,
  page: { pageSize: number; pageToken?: string },
): Promise<Page<Entry>> {
  const bytes = await callUnaryBytes(server, "entry", "ListEntries", {
    filter: toEntryFilter(filters),
    pageSize: page.pageSize,
    pageToken: page.pageToken ?? "",
  });
  const { entries, nextPageToken } = decodeEntryPage(bytes);
  return { items: entries, nextPageToken };
}

/** Fetches one entry by ID; a missing entry is a 404 `not_found`. */
export async function getEntry(server: ServerConfig, id: string): Promise<Entry> {
  return toEntry(await callUnary<PbEntry>(server, "entry", "getEntry", { id }));
}

/** Counts the entries matching `filters`. */
export async function countEntries(server: ServerConfig, filters: EntryFilters = {}): Promise<number> {
  const response = await callUnary<{ count: number }>(server, "entry", "countEntries", {
    filter: toEntryFilter(filters),
  });
  return response.count;
}

/**
 * Page size of the console's own index walk: SPIRE's entry cache reads 10,000 at a time; fewer round trips than the
 * CLI's 500.
 */
export const INDEX_PAGE_SIZE = 5_000;

/**
 * Streams every page of entries as the protobuf bytes SPIRE sent (a ListEntriesResponse each, to
 * decode with `decodeEntryPage`), fetching the next page while the caller handles the current one.
 * Only the page token is read here.
 */
export async function* streamEntryPageBytes(
  server: ServerConfig,
  pageSize = INDEX_PAGE_SIZE,
): AsyncGenerator<Uint8Array> {
  const pages = walkPagesAhead((pageToken) =>
    callUnaryBytes(server, "entry", "ListEntries", { pageSize, pageToken }).then((bytes) => ({
      items: [bytes],
      nextPageToken: entryPageToken(bytes),
    })),
  );
  for await (const [bytes] of pages) yield bytes!;
}
