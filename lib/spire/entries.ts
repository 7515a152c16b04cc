import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary, WALK_PAGE_SIZE, walkPages } from "./call";
import { toEntryFilter } from "./filters";
import { toEntry } from "./mappers";
import type { PbEntry } from "./proto-types";
import type { Entry, EntryFilters, Page } from "./types";

/** Fetches one page of entries matching `filters` (SPIRE may return fewer than `pageSize`). */
export async function listEntries(
  server: ServerConfig,
  filters: EntryFilters,
  page: { pageSize: number; pageToken?: string },
): Promise<Page<Entry>> {
  const response = await callUnary<{ entries: PbEntry[]; nextPageToken: string }>(server, "entry", "listEntries", {
    filter: toEntryFilter(filters),
    pageSize: page.pageSize,
    pageToken: page.pageToken ?? "",
  });
  return { items: response.entries.map(toEntry), nextPageToken: response.nextPageToken };
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

/** Walks every entry of the server (pages of 500, like `spire-server entry show`). */
export async function listAllEntries(server: ServerConfig): Promise<Entry[]> {
  const all: Entry[] = [];
  const pages = walkPages((pageToken) =>
    callUnary<{ entries: PbEntry[]; nextPageToken: string }>(server, "entry", "listEntries", {
      pageSize: WALK_PAGE_SIZE,
      pageToken,
    }).then((r) => ({ items: r.entries, nextPageToken: r.nextPageToken })),
  );
  for await (const items of pages) for (const pb of items) all.push(toEntry(pb));
  return all;
}
