import { withApi } from "@/lib/api/with-api";
import { listEntrySets } from "@/lib/entry-sets/list-entry-sets";

export const dynamic = "force-dynamic";

// GET /api/entry-sets – the watched entry sets (entries as code) with their drift
export const GET = withApi({ action: "entrysets.read" }, async () => ({ sets: await listEntrySets() }));
