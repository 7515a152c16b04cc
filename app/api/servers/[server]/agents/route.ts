import { listAgentPage } from "@/lib/agents/list-agent-page";
import { withApi } from "@/lib/api/with-api";
import { agentListQuerySchema } from "@/lib/schemas/list-queries";
import { serverParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/agents – one page of attested agents, filtered
export const GET = withApi(
  { action: "agents.read", params: serverParams, query: agentListQuerySchema },
  async ({ params, query }) => listAgentPage(params.server, query),
);
