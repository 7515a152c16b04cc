import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { createEntry, createEntryBatch } from "@/lib/entries/create-entries";
import { listEntryPage } from "@/lib/entries/list-entry-page";
import { readEntryInputContext } from "@/lib/entries/read-entry-input-context";
import { batchCreateSchema, checkEntryRows, isBatchBody, mentionsFederation } from "@/lib/schemas/entry-batch";
import { entryListQuerySchema } from "@/lib/schemas/list-queries";
import { serverParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/entries – one page of entries, filtered like `spire-server entry show`
export const GET = withApi(
  { action: "entries.read", params: serverParams, query: entryListQuerySchema },
  async ({ params, query }) => listEntryPage(params.server, query),
);

// POST /api/servers/[server]/entries – create one entry (201), or `{ entries }` with a result per row (200)
export const POST = withApi({ action: "entries.write", params: serverParams }, async ({ request, params }) => {
  const body = await readJsonBody(request);
  const rows = isBatchBody(body) ? parseOrThrow(batchCreateSchema, body, "batch").entries : [body];
  const checked = checkEntryRows(rows, await readEntryInputContext(params.server, mentionsFederation(rows)));
  if (isBatchBody(body)) return createEntryBatch(params.server, checked);
  return Response.json(await createEntry(params.server, checked), { status: 201 });
});
