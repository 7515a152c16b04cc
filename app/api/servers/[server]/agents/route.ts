import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { agentListQuerySchema, searchParamsToObject } from "@/lib/schemas/list-queries";
import { listAgents } from "@/lib/spire/agents";
import { getServerConfig } from "@/lib/spire/client";

// GET /api/servers/[server]/agents – one page of attested agents, filtered
export const GET = withApi<{ server: string }>(async (request, { server }) => {
  const config = getServerConfig(server);
  const query = parseOrThrow(
    agentListQuerySchema,
    searchParamsToObject(new URL(request.url).searchParams),
    "agent query",
  );
  const { pageSize, pageToken, selector, ...filters } = query;
  const page = await listAgents(config, { ...filters, selectors: selector }, { pageSize, pageToken });
  return { agents: page.items, nextPageToken: page.nextPageToken };
});
