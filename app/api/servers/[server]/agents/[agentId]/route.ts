import { assertSameOrigin } from "@/lib/api/mutation-guard";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { spiffeIdSchema } from "@/lib/schemas/spiffe-id";
import { deleteAgent } from "@/lib/spire/agent-actions";
import { getAgent } from "@/lib/spire/agents";
import { getServerConfig } from "@/lib/spire/client";

// GET /api/servers/[server]/agents/[agentId] – one agent by its URL-encoded SPIFFE ID
export const GET = withApi<{ server: string; agentId: string }>(async (_request, { server, agentId }) => {
  const config = getServerConfig(server);
  const spiffeId = parseOrThrow(spiffeIdSchema, decodeURIComponent(agentId), "agent ID");
  return getAgent(config, spiffeId);
});

// DELETE /api/servers/[server]/agents/[agentId] – evict an agent (it must attest again); 204
export const DELETE = withApi<{ server: string; agentId: string }>(async (request, { server, agentId }) => {
  const config = getServerConfig(server);
  assertSameOrigin(request);
  const spiffeId = parseOrThrow(spiffeIdSchema, decodeURIComponent(agentId), "agent ID");
  await deleteAgent(config, spiffeId);
  return new Response(null, { status: 204 });
});
