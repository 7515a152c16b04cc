import { ApiError } from "@/lib/api/api-error";
import { withApi } from "@/lib/api/with-api";
import { getServerConfig } from "@/lib/spire/client";
import { getEntryDetail } from "@/lib/entries/load-entry-detail";

// GET /api/servers/[server]/entries/[id]/detail – one entry with its parent chain up to the server and its children
export const GET = withApi<{ server: string; id: string }>(async (_request, { server, id }) => {
  const config = getServerConfig(server);
  if (!/^[A-Za-z0-9._-]{1,255}$/.test(id)) throw new ApiError("invalid_argument", `'${id}' is not an entry ID.`);
  return getEntryDetail(config, id);
});
