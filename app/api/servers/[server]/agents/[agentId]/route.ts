import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { spiffeIdSchema } from "@/lib/schemas/spiffe-id";
import { getAgent } from "@/lib/spire/agents";
import { getServerConfig } from "@/lib/spire/client";

// GET /api/servers/[server]/agents/[agentId] – one agent by its URL-encoded SPIFFE ID
export const GET = withApi<{ server: string; agentId: string }>(async (_request, { server, agentId }) => {
  const config = getServerConfig(server);
  const spiffeId = parseOrThrow(spiffeIdSchema, decodeURIComponent(agentId), "agent ID");
  return getAgent(config, spiffeId);
});
