import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { type EntryListQuery, toEntryFilters } from "@/lib/schemas/list-queries";
import { listEntries } from "@/lib/spire/entries";
import type { Entry } from "@/lib/spire/types";

/** One page of entries straight from SPIRE (no index), filtered like `spire-server entry show`. */
export async function listEntryPage(
  server: ServerConfig,
  query: EntryListQuery,
): Promise<{ entries: Entry[]; nextPageToken: string }> {
  await authorize("entries.read", { server: server.name });
  const page = await listEntries(server, toEntryFilters(query), {
    pageSize: query.pageSize,
    pageToken: query.pageToken,
  });
  return { entries: page.items, nextPageToken: page.nextPageToken };
}
