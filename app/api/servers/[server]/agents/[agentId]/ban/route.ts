import { readMutationJson } from "@/lib/api/mutation-guard";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { agentIdParamSchema } from "@/lib/schemas/views";
import { banAgent } from "@/lib/spire/agent-actions";
import { getServerConfig } from "@/lib/spire/client";

// POST /api/servers/[server]/agents/[agentId]/ban – ban an agent (same-origin JSON body `{}`); 204
export const POST = withApi<{ server: string; agentId: string }>(async (request, { server, agentId }) => {
  const config = getServerConfig(server);
  await readMutationJson(request);
  const spiffeId = parseOrThrow(agentIdParamSchema, decodeURIComponent(agentId), "agent ID");
  await banAgent(config, spiffeId);
  return new Response(null, { status: 204 });
});
