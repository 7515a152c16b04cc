import { banAgent } from "@/lib/agents/agent-actions";
import { readMutationJson } from "@/lib/api/mutation-guard";
import { withApi } from "@/lib/api/with-api";
import { agentParams } from "@/lib/schemas/path-params";

// POST /api/servers/[server]/agents/[agentId]/ban – ban an agent (same-origin JSON body `{}`); 204
export const POST = withApi({ action: "agents.ban", params: agentParams }, async ({ request, params }) => {
  await readMutationJson(request);
  await banAgent(params.server, params.agentId);
  return new Response(null, { status: 204 });
});
