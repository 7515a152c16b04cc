import { withApi } from "@/lib/api/with-api";
import { getOrphanLevel } from "@/lib/entries/load-tree-level";
import { serverParams } from "@/lib/schemas/path-params";
import { orphanQuerySchema } from "@/lib/schemas/views";

// GET /api/servers/[server]/entries/orphans – entries with no reachable parent (and parent cycles), paged
export const GET = withApi(
  { action: "entries.read", params: serverParams, query: orphanQuerySchema },
  async ({ params, query }) => getOrphanLevel(params.server, query),
);
