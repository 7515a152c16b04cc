import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { dryRunCleanup } from "@/lib/cleanup/run-cleanup";
import { cleanupSelectionSchema } from "@/lib/schemas/cleanup";
import { serverParams } from "@/lib/schemas/path-params";

// POST /api/servers/[server]/cleanup/dry-run – exactly what a clean-up would send and affect; changes nothing
export const POST = withApi({ action: "cleanup.preview", params: serverParams }, async ({ request, params }) =>
  dryRunCleanup(params.server, parseOrThrow(cleanupSelectionSchema, await readJsonBody(request), "body")),
);
