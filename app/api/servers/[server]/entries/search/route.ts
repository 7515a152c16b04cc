import { withApi } from "@/lib/api/with-api";
import { searchEntryIndex } from "@/lib/entries/load-entry-search";
import { serverParams } from "@/lib/schemas/path-params";
import { searchQuerySchema } from "@/lib/schemas/search";

// GET /api/servers/[server]/entries/search – entries by any part of an ID, selector, hint or DNS name (?q=),
// ranked and paged
export const GET = withApi(
  { action: "entries.read", params: serverParams, query: searchQuerySchema },
  async ({ params, query }) => searchEntryIndex(params.server, query),
);
