import { withApi } from "@/lib/api/with-api";
import { getTreeLevel } from "@/lib/entries/load-tree-level";
import { serverParams } from "@/lib/schemas/path-params";
import { entryTreeQuerySchema } from "@/lib/schemas/views";

// GET /api/servers/[server]/entries/tree – children of one node (?parent=, none = the server), paged, with counts
export const GET = withApi(
  { action: "entries.read", params: serverParams, query: entryTreeQuerySchema },
  async ({ params, query }) => getTreeLevel(params.server, query),
);
