import { withApi } from "@/lib/api/with-api";
import { getOverview } from "@/lib/overview/load-overview";

// GET /api/overview – per-server problem counts, nearest expiries, federation summary and the problems list
export const GET = withApi({ action: "servers.read" }, async () => getOverview());
