import { runAgentBatch } from "@/lib/agents/batch-agent-actions";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { agentBatchSchema } from "@/lib/schemas/fleet";
import { serverParams } from "@/lib/schemas/path-params";

// POST /api/servers/[server]/agents/batch-ban – ban agents as one audited batch (dryRun: only what would be sent)
export const POST = withApi({ action: "agents.ban", params: serverParams }, async ({ request, params }) => {
  const body = parseOrThrow(agentBatchSchema, await readJsonBody(request), "body");
  return runAgentBatch(params.server, "ban", body.ids, body.dryRun);
});
