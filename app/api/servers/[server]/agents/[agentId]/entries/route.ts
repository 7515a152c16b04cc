import { getAgentDetail } from "@/lib/agents/load-agent-detail";
import { withApi } from "@/lib/api/with-api";
import { agentParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/agents/[agentId]/entries – the agent and the entries it serves (direct and via aliases)
export const GET = withApi({ action: "agents.read", params: agentParams }, async ({ params }) =>
  getAgentDetail(params.server, params.agentId),
);
