import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { queryObject, selectorsQuerySchema } from "@/lib/schemas/troubleshoot";
import { diagnoseSelectors } from "@/lib/troubleshoot/load-diagnosis";
import { ApiError } from "@/lib/api/api-error";

export const dynamic = "force-dynamic";

// GET /api/troubleshoot/selectors – diagnose a selector set (?selector=… repeated) as served by ?agentId=
export const GET = withApi(async (request) =>
  diagnoseSelectors(parseOrThrow(selectorsQuerySchema, queryObject(request.url), "query")),
);

// POST /api/troubleshoot/selectors – the same with a JSON body { server?, agentId, selectors: ["type:value", …] }
export const POST = withApi(async (request) => {
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("invalid_argument", "The request body must be JSON.");
  });
  return diagnoseSelectors(parseOrThrow(selectorsQuerySchema, body, "request body"));
});
