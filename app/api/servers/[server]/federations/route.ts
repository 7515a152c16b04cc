import { withApi } from "@/lib/api/with-api";
import { serverParams } from "@/lib/schemas/path-params";
import { listFederationRelationships } from "@/lib/spire/federation";

// GET /api/servers/[server]/federations – the server's federation relationships
export const GET = withApi({ action: "federation.read", params: serverParams }, async ({ params }) => ({
  federations: await listFederationRelationships(params.server),
}));
