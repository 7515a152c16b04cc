import { withApi } from "@/lib/api/with-api";
import { serverParams } from "@/lib/schemas/path-params";
import { getBundle } from "@/lib/spire/bundles";

// GET /api/servers/[server]/bundle – the server's own trust bundle
export const GET = withApi({ action: "federation.read", params: serverParams }, async ({ params }) =>
  getBundle(params.server),
);
