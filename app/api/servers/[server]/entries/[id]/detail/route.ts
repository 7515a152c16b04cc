import { withApi } from "@/lib/api/with-api";
import { getEntryDetail } from "@/lib/entries/load-entry-detail";
import { entryParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/entries/[id]/detail – one entry with its parent chain and its children
export const GET = withApi({ action: "entries.read", params: entryParams }, async ({ params }) =>
  getEntryDetail(params.server, params.id),
);
