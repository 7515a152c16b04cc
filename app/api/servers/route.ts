import { listServerSummaries } from "@/lib/servers/list-server-summaries";
import { withApi } from "@/lib/api/with-api";

// GET /api/servers – every configured server: health, uptime, counts, server SVID expiry
export const GET = withApi(async () => listServerSummaries());
