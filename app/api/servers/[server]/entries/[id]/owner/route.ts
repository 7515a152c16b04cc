import { withApi } from "@/lib/api/with-api";
import { loadEntryOwnerById } from "@/lib/controller-manager/load-entry-owner";
import { entryParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/entries/[id]/owner – whether spire-controller-manager owns the entry, and which object
export const GET = withApi({ action: "entries.read", params: entryParams }, async ({ params }) =>
  loadEntryOwnerById(params.server, params.id),
);
