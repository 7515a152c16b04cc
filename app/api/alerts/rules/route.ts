import { createAlertRule } from "@/lib/alerts/manage-rules";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { ruleInputSchema } from "@/lib/schemas/alerts";

// POST /api/alerts/rules – create an alert rule `{ name, kind, severity, servers, params, repeatMinutes }` (201)
export const POST = withApi({ action: "alerts.write" }, async ({ request }) => {
  const input = parseOrThrow(ruleInputSchema, await readJsonBody(request), "rule");
  return Response.json(await createAlertRule(input), { status: 201 });
});
