import { withApi } from "@/lib/api/with-api";
import { getServerConfig } from "@/lib/spire/client";
import { listFederationRelationships } from "@/lib/spire/federation";

// GET /api/servers/[server]/federations – the server's federation relationships
export const GET = withApi<{ server: string }>(async (_request, { server }) => ({
  federations: await listFederationRelationships(getServerConfig(server)),
}));
