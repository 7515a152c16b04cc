import { searchAgentIndex } from "@/lib/agents/load-agent-search";
import { withApi } from "@/lib/api/with-api";
import { serverParams } from "@/lib/schemas/path-params";
import { searchQuerySchema } from "@/lib/schemas/search";

// GET /api/servers/[server]/agents/search – agents by any part of their ID, selectors or serial (?q=), ranked, paged
export const GET = withApi(
  { action: "agents.read", params: serverParams, query: searchQuerySchema },
  async ({ params, query }) => searchAgentIndex(params.server, query),
);
