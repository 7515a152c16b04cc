import { withApi } from "@/lib/api/with-api";
import { getServerAuthorities } from "@/lib/authorities/load-authorities";
import { serverParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/authorities – active, prepared and old X.509 and JWT authorities
export const GET = withApi({ action: "expiry.read", params: serverParams }, async ({ params }) =>
  getServerAuthorities(params.server),
);
