import { withApi } from "@/lib/api/with-api";
import { loadPlan } from "@/lib/entries-as-code/plan-history";
import { planParams } from "@/lib/schemas/entries-as-code";

// GET /api/servers/[server]/plans/[id] – a saved plan with its changes and status
export const GET = withApi({ action: "entries.read", params: planParams }, async ({ params }) =>
  loadPlan(params.server, params.id),
);
