import { withApi } from "@/lib/api/with-api";
import { loadCleanup } from "@/lib/cleanup/load-cleanup";
import { cleanupQuerySchema } from "@/lib/schemas/cleanup";
import { serverParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/cleanup – stale entries and agents, each with why (controller-owned ones set aside)
export const GET = withApi(
  { action: "entries.read", params: serverParams, query: cleanupQuerySchema },
  async ({ params, query }) => loadCleanup(params.server, query),
);
