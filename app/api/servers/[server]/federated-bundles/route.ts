import { withApi } from "@/lib/api/with-api";
import { serverParams } from "@/lib/schemas/path-params";
import { listFederatedBundles } from "@/lib/spire/bundles";

// GET /api/servers/[server]/federated-bundles – the bundles the server holds for other trust domains
export const GET = withApi({ action: "federation.read", params: serverParams }, async ({ params }) => ({
  bundles: await listFederatedBundles(params.server),
}));
