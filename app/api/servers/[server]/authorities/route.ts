import { withApi } from "@/lib/api/with-api";
import { getLocalAuthorities } from "@/lib/spire/authorities";
import { getServerConfig } from "@/lib/spire/client";

// GET /api/servers/[server]/authorities – active, prepared and old X.509 and JWT authorities (LocalAuthority API)
export const GET = withApi<{ server: string }>(async (_request, { server }) =>
  getLocalAuthorities(getServerConfig(server)),
);
