import { ApiError } from "@/lib/api/api-error";
import { withApi } from "@/lib/api/with-api";
import { getServerConfig } from "@/lib/spire/client";
import { getEntry } from "@/lib/spire/entries";

// GET /api/servers/[server]/entries/[id] – one entry by its ID
export const GET = withApi<{ server: string; id: string }>(async (_request, { server, id }) => {
  const config = getServerConfig(server);
  if (!/^[A-Za-z0-9._-]{1,255}$/.test(id)) throw new ApiError("invalid_argument", `'${id}' is not an entry ID.`);
  return getEntry(config, id);
});
