import { withApi } from "@/lib/api/with-api";
import { getEntryHistory } from "@/lib/entries/load-entry-history";
import { entryParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/entries/[id]/history – every change made to the entry through the console, newest first
export const GET = withApi({ action: "entries.read", params: entryParams }, async ({ params }) =>
  getEntryHistory(params.server, params.id),
);
