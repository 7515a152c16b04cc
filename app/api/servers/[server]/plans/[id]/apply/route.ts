import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { applyPlan } from "@/lib/entries-as-code/apply-plan";
import { applyBodySchema } from "@/lib/entries-as-code/plan-request";
import { planParams } from "@/lib/schemas/entries-as-code";

// POST /api/servers/[server]/plans/[id]/apply – apply exactly the saved plan: a result per row (409 when stale)
export const POST = withApi({ action: "entries.write", params: planParams }, async ({ request, params }) => {
  const options = parseOrThrow(applyBodySchema, await readJsonBody(request), "apply");
  return applyPlan(params.server, params.id, options);
});
