import { banAgent } from "@/lib/agents/agent-actions";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { agentParams } from "@/lib/schemas/path-params";

// POST /api/servers/[server]/agents/[agentId]/ban – ban an agent (same-origin JSON body `{}`); 204
export const POST = withApi({ action: "agents.ban", params: agentParams }, async ({ request, params }) => {
  await readJsonBody(request);
  await banAgent(params.server, params.agentId);
  return new Response(null, { status: 204 });
});
