import { readMutationJson } from "@/lib/api/mutation-guard";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { trustDomainParamSchema } from "@/lib/schemas/views";
import { getServerConfig } from "@/lib/spire/client";
import { refreshFederatedBundle } from "@/lib/spire/federation-refresh";

// POST /api/servers/[server]/federations/[trustDomain]/refresh – fetch that trust domain's bundle now (same-origin JSON body `{}`); 204
export const POST = withApi<{ server: string; trustDomain: string }>(async (request, { server, trustDomain }) => {
  const config = getServerConfig(server);
  await readMutationJson(request);
  await refreshFederatedBundle(
    config,
    parseOrThrow(trustDomainParamSchema, decodeURIComponent(trustDomain), "trust domain"),
  );
  return new Response(null, { status: 204 });
});
