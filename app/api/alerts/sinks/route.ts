import { createAlertSink } from "@/lib/alerts/manage-sinks";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { sinkInputSchema } from "@/lib/schemas/alerts";

// POST /api/alerts/sinks – create a sink `{ name, type, url, secret? }` (URL under alerts.destinations) (201)
export const POST = withApi({ action: "alerts.write" }, async ({ request }) => {
  const input = parseOrThrow(sinkInputSchema, await readJsonBody(request), "sink");
  return Response.json(await createAlertSink(input), { status: 201 });
});
