import { withApi } from "@/lib/api/with-api";
import { entryQuerySchema } from "@/lib/schemas/troubleshoot";
import { lookupEntryPods } from "@/lib/troubleshoot/load-entry-pods";

export const dynamic = "force-dynamic";

// GET /api/troubleshoot/entry – which pods an entry matches today, or the closest pods and what differs
export const GET = withApi(
  { action: "troubleshoot.read", serverInQuery: true, query: entryQuerySchema },
  async ({ query }) => lookupEntryPods(query),
);
