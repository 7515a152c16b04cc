import { evictAgent } from "@/lib/agents/agent-actions";
import { getAgentById } from "@/lib/agents/load-agent-detail";
import { withApi } from "@/lib/api/with-api";
import { agentParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/agents/[agentId] – one agent by its URL-encoded SPIFFE ID
export const GET = withApi({ action: "agents.read", params: agentParams }, async ({ params }) =>
  getAgentById(params.server, params.agentId),
);

// DELETE /api/servers/[server]/agents/[agentId] – evict an agent (it must attest again); 204
export const DELETE = withApi({ action: "agents.evict", params: agentParams }, async ({ params }) => {
  await evictAgent(params.server, params.agentId);
  return new Response(null, { status: 204 });
});
