import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { applyCleanup } from "@/lib/cleanup/run-cleanup";
import { cleanupSelectionSchema } from "@/lib/schemas/cleanup";
import { serverParams } from "@/lib/schemas/path-params";

// POST /api/servers/[server]/cleanup/apply – removes the selected findings as one audited batch, a result per row
export const POST = withApi({ action: "cleanup.apply", params: serverParams }, async ({ request, params }) =>
  applyCleanup(params.server, parseOrThrow(cleanupSelectionSchema, await readJsonBody(request), "body")),
);
