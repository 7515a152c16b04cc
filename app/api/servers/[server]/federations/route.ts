import { withApi } from "@/lib/api/with-api";
import { listServerFederations } from "@/lib/federation/load-server-federation";
import { serverParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/federations – the server's federation relationships
export const GET = withApi({ action: "federation.read", params: serverParams }, async ({ params }) => ({
  federations: await listServerFederations(params.server),
}));
