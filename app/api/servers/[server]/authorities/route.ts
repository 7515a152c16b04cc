import { withApi } from "@/lib/api/with-api";
import { serverParams } from "@/lib/schemas/path-params";
import { getLocalAuthorities } from "@/lib/spire/authorities";

// GET /api/servers/[server]/authorities – active, prepared and old X.509 and JWT authorities
export const GET = withApi({ action: "expiry.read", params: serverParams }, async ({ params }) =>
  getLocalAuthorities(params.server),
);
