import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { selectorsBodySchema, selectorsQuerySchema } from "@/lib/schemas/troubleshoot";
import { diagnoseSelectors } from "@/lib/troubleshoot/load-diagnosis";

export const dynamic = "force-dynamic";

// GET /api/troubleshoot/selectors – diagnose a selector set (?selector=… repeated) as served by ?agentId=
export const GET = withApi(
  { action: "troubleshoot.read", serverInQuery: true, query: selectorsQuerySchema },
  async ({ query }) => diagnoseSelectors(query),
);

// POST /api/troubleshoot/selectors – the same with a JSON body { server?, agentId, selectors: ["type:value", …] }
export const POST = withApi({ action: "troubleshoot.read" }, async ({ request }) =>
  diagnoseSelectors(parseOrThrow(selectorsBodySchema, await readJsonBody(request), "request body")),
);
