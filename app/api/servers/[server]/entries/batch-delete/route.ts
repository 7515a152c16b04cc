import { readMutationJson } from "@/lib/api/mutation-guard";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { batchDeleteSchema } from "@/lib/schemas/entry-input";
import { getServerConfig } from "@/lib/spire/client";
import { deleteEntries } from "@/lib/spire/entry-mutations";

// POST /api/servers/[server]/entries/batch-delete – delete `{ ids }`, with a result per ID in request order
export const POST = withApi<{ server: string }>(async (request, { server }) => {
  const config = getServerConfig(server);
  const { ids } = parseOrThrow(batchDeleteSchema, await readMutationJson(request), "batch delete");
  const results = await deleteEntries(config, ids);
  const deleted = results.filter((r) => r.status.code === "ok").length;
  return { ok: deleted === results.length, summary: { deleted, failed: results.length - deleted }, results };
});
