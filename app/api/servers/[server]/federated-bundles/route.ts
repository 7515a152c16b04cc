import { withApi } from "@/lib/api/with-api";
import { listFederatedBundles } from "@/lib/spire/bundles";
import { getServerConfig } from "@/lib/spire/client";

// GET /api/servers/[server]/federated-bundles – the bundles the server holds for other trust domains
export const GET = withApi<{ server: string }>(async (_request, { server }) => ({
  bundles: await listFederatedBundles(getServerConfig(server)),
}));
