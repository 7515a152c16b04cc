import { deleteAlertRule, updateAlertRule } from "@/lib/alerts/manage-rules";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { alertIdParams, ruleInputSchema } from "@/lib/schemas/alerts";

// PATCH /api/alerts/rules/[id] – replace an alert rule's settings (the whole rule, as on create)
export const PATCH = withApi({ action: "alerts.write", params: alertIdParams }, async ({ request, params }) => {
  const input = parseOrThrow(ruleInputSchema, await readJsonBody(request), "rule");
  return updateAlertRule(params.id, input);
});

// DELETE /api/alerts/rules/[id] – delete an alert rule (its alerts resolve at the next evaluation)
export const DELETE = withApi({ action: "alerts.write", params: alertIdParams }, ({ params }) =>
  deleteAlertRule(params.id),
);
