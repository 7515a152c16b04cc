import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { deleteEntryBatch } from "@/lib/entries/delete-entries";
import { batchDeleteSchema } from "@/lib/schemas/entry-batch";
import { serverParams } from "@/lib/schemas/path-params";

// POST /api/servers/[server]/entries/batch-delete – delete `{ ids }`, with a result per ID in request order
export const POST = withApi({ action: "entries.write", params: serverParams }, async ({ request, params }) => {
  const { ids } = parseOrThrow(batchDeleteSchema, await readJsonBody(request), "batch delete");
  return deleteEntryBatch(params.server, ids);
});
