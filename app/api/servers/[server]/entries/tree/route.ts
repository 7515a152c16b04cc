import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { searchParamsToObject } from "@/lib/schemas/list-queries";
import { entryTreeQuerySchema } from "@/lib/schemas/views";
import { getServerConfig } from "@/lib/spire/client";
import { getTreeLevel } from "@/lib/entries/load-tree-level";

// GET /api/servers/[server]/entries/tree – children of one tree node (?parent=<spiffe id>, none = the server), paged, with subtree counts
export const GET = withApi<{ server: string }>(async (request, { server }) => {
  const config = getServerConfig(server);
  const query = parseOrThrow(
    entryTreeQuerySchema,
    searchParamsToObject(new URL(request.url).searchParams),
    "tree query",
  );
  const { parent, offset, limit, selector, ...filters } = query;
  return getTreeLevel(config, { parent, offset, limit, filters: { ...filters, selectors: selector } });
});
