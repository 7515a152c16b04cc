import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { podQuerySchema, queryObject } from "@/lib/schemas/troubleshoot";
import { diagnosePod } from "@/lib/troubleshoot/load-diagnosis";

export const dynamic = "force-dynamic";

// GET /api/troubleshoot/pod – why a pod (container) gets or does not get SVIDs: selectors, agent, entries, near misses, delivery, verdict
export const GET = withApi(async (request) =>
  diagnosePod(parseOrThrow(podQuerySchema, queryObject(request.url), "query")),
);
