import { withApi } from "@/lib/api/with-api";
import { listServerSummaries } from "@/lib/servers/list-server-summaries";

// GET /api/servers – every configured server: health, uptime, counts, server SVID expiry
export const GET = withApi({ action: "servers.read" }, async () => listServerSummaries());
