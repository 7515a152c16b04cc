import { createAlertSilence } from "@/lib/alerts/manage-silences";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { silenceInputSchema } from "@/lib/schemas/alerts";

// POST /api/alerts/silences – silence alerts whose labels include `matchers`, with a reason, for `durationMinutes`
export const POST = withApi({ action: "alerts.write" }, async ({ request }) => {
  const input = parseOrThrow(silenceInputSchema, await readJsonBody(request), "silence");
  return Response.json(await createAlertSilence(input), { status: 201 });
});
