import { withApi } from "@/lib/api/with-api";
import { getEntryIndexStatus } from "@/lib/entries/load-index-status";
import { serverParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/entries/index – the entry index: ready (size, age, changes since its walk) or being
// built (progress)
export const GET = withApi({ action: "entries.read", params: serverParams }, async ({ params }) =>
  getEntryIndexStatus(params.server),
);
