import { withApi } from "@/lib/api/with-api";
import { podQuerySchema } from "@/lib/schemas/troubleshoot";
import { diagnosePod } from "@/lib/troubleshoot/load-diagnosis";

export const dynamic = "force-dynamic";

// GET /api/troubleshoot/pod – why a pod's container gets SVIDs or not: selectors, agent, entries, delivery, verdict
export const GET = withApi(
  { action: "troubleshoot.read", serverInQuery: true, query: podQuerySchema },
  async ({ query }) => diagnosePod(query),
);
