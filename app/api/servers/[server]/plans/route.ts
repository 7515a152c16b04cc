import { withApi } from "@/lib/api/with-api";
import { createPlan } from "@/lib/entries-as-code/create-plan";
import { listPlans } from "@/lib/entries-as-code/plan-history";
import { readPlanRequest } from "@/lib/entries-as-code/plan-request";
import { planListQuerySchema } from "@/lib/schemas/entries-as-code";
import { serverParams } from "@/lib/schemas/path-params";

// POST /api/servers/[server]/plans – plan a file (EntrySet, -data JSON or ClusterStaticEntry YAML) and save the plan
export const POST = withApi({ action: "entries.read", params: serverParams }, async ({ request, params }) => {
  const { document, options } = await readPlanRequest(request);
  return Response.json(await createPlan(params.server, document, { ...options, save: true }), { status: 201 });
});

// GET /api/servers/[server]/plans?status=applied – the newest saved plans (without their changes)
export const GET = withApi(
  { action: "entries.read", params: serverParams, query: planListQuerySchema },
  async ({ params, query }) => ({ plans: await listPlans(params.server, query.status ?? [], query.limit) }),
);
