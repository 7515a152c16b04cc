import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { createSuppression, listSuppressions } from "@/lib/no-identity/manage-suppressions";
import { suppressionInputSchema } from "@/lib/schemas/kubernetes";

export const dynamic = "force-dynamic";

// GET /api/kubernetes/no-identity/suppressions – every rule that hides pods from the no-identity list
export const GET = withApi({ action: "kubernetes.read" }, async () => ({ suppressions: await listSuppressions() }));

// POST /api/kubernetes/no-identity/suppressions – hide one cluster's pods of a namespace or with a label (audited)
export const POST = withApi({ action: "kubernetes.suppress" }, async ({ request }) => {
  const input = parseOrThrow(suppressionInputSchema, await readJsonBody(request), "suppression rule");
  return Response.json(await createSuppression(input), { status: 201 });
});
