import { withApi } from "@/lib/api/with-api";
import { getServerBundle } from "@/lib/federation/load-server-federation";
import { serverParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/bundle – the server's own trust bundle
export const GET = withApi({ action: "federation.read", params: serverParams }, async ({ params }) =>
  getServerBundle(params.server),
);
