import { evictAgent } from "@/lib/agents/agent-actions";
import { withApi } from "@/lib/api/with-api";
import { agentParams } from "@/lib/schemas/path-params";
import { getAgent } from "@/lib/spire/agents";

// GET /api/servers/[server]/agents/[agentId] – one agent by its URL-encoded SPIFFE ID
export const GET = withApi({ action: "agents.read", params: agentParams }, async ({ params }) =>
  getAgent(params.server, params.agentId),
);

// DELETE /api/servers/[server]/agents/[agentId] – evict an agent (it must attest again); 204
export const DELETE = withApi({ action: "agents.evict", params: agentParams }, async ({ params }) => {
  await evictAgent(params.server, params.agentId);
  return new Response(null, { status: 204 });
});
