import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { entryListQuerySchema, searchParamsToObject } from "@/lib/schemas/list-queries";
import { getServerConfig } from "@/lib/spire/client";
import { listEntries } from "@/lib/spire/entries";

// GET /api/servers/[server]/entries – one page of entries, filtered like `spire-server entry show`
export const GET = withApi<{ server: string }>(async (request, { server }) => {
  const config = getServerConfig(server);
  const query = parseOrThrow(entryListQuerySchema, searchParamsToObject(new URL(request.url).searchParams), "entry query");
  const { pageSize, pageToken, selector, ...filters } = query;
  const page = await listEntries(config, { ...filters, selectors: selector }, { pageSize, pageToken });
  return { entries: page.items, nextPageToken: page.nextPageToken };
});
