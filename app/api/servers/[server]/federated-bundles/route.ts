import { withApi } from "@/lib/api/with-api";
import { listServerFederatedBundles } from "@/lib/federation/load-server-federation";
import { serverParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/federated-bundles – the bundles the server holds for other trust domains
export const GET = withApi({ action: "federation.read", params: serverParams }, async ({ params }) => ({
  bundles: await listServerFederatedBundles(params.server),
}));
