import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { searchParamsToObject } from "@/lib/schemas/list-queries";
import { orphanQuerySchema } from "@/lib/schemas/views";
import { getServerConfig } from "@/lib/spire/client";
import { getOrphanLevel } from "@/lib/entries/load-tree-level";

// GET /api/servers/[server]/entries/orphans – entries whose parent is neither the server, an agent nor any entry (and parent cycles), paged
export const GET = withApi<{ server: string }>(async (request, { server }) => {
  const config = getServerConfig(server);
  const query = parseOrThrow(
    orphanQuerySchema,
    searchParamsToObject(new URL(request.url).searchParams),
    "orphan query",
  );
  const { offset, limit, selector, ...filters } = query;
  return getOrphanLevel(config, { offset, limit, filters: { ...filters, selectors: selector } });
});
