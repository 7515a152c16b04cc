import { withApi } from "@/lib/api/with-api";
import { getBundle } from "@/lib/spire/bundles";
import { getServerConfig } from "@/lib/spire/client";

// GET /api/servers/[server]/bundle – the server's own trust bundle
export const GET = withApi<{ server: string }>(async (_request, { server }) => getBundle(getServerConfig(server)));
