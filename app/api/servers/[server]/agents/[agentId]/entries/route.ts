import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { agentIdParamSchema } from "@/lib/schemas/views";
import { getAgentDetail } from "@/lib/agents/load-agent-detail";
import { getServerConfig } from "@/lib/spire/client";

// GET /api/servers/[server]/agents/[agentId]/entries – the agent and the entries that target it, directly and through node aliases
export const GET = withApi<{ server: string; agentId: string }>(async (_request, { server, agentId }) => {
  const config = getServerConfig(server);
  return getAgentDetail(config, parseOrThrow(agentIdParamSchema, decodeURIComponent(agentId), "agent ID"));
});
