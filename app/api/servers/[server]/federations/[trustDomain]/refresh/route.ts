import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { refreshBundle } from "@/lib/federation/refresh-bundle";
import { federationParams } from "@/lib/schemas/path-params";

// POST /api/servers/[server]/federations/[trustDomain]/refresh – fetch that bundle now (JSON body `{}`); 204
export const POST = withApi({ action: "federation.refresh", params: federationParams }, async ({ request, params }) => {
  await readJsonBody(request);
  await refreshBundle(params.server, params.trustDomain);
  return new Response(null, { status: 204 });
});
