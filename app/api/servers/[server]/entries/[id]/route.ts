import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { deleteEntry } from "@/lib/entries/delete-entries";
import { getEntryById } from "@/lib/entries/load-entry-detail";
import { readEntryInputContext } from "@/lib/entries/read-entry-input-context";
import { updateEntry } from "@/lib/entries/update-entry";
import { mentionsFederation } from "@/lib/schemas/entry-batch";
import { entryPatchSchema } from "@/lib/schemas/entry-input";
import { entryParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/entries/[id] – one entry by its ID
export const GET = withApi({ action: "entries.read", params: entryParams }, async ({ params }) =>
  getEntryById(params.server, params.id),
);

// PATCH /api/servers/[server]/entries/[id] – change the sent fields if still at `revisionNumber` (else 409)
export const PATCH = withApi({ action: "entries.write", params: entryParams }, async ({ request, params }) => {
  const body = await readJsonBody(request);
  const context = await readEntryInputContext(params.server, mentionsFederation([body]));
  return updateEntry(params.server, params.id, parseOrThrow(entryPatchSchema(context), body, "entry change"));
});

// DELETE /api/servers/[server]/entries/[id] – delete one entry
export const DELETE = withApi({ action: "entries.write", params: entryParams }, async ({ params }) =>
  deleteEntry(params.server, params.id),
);
