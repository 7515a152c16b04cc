import { z } from "zod";

import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { refreshEntryIndex } from "@/lib/entries/load-index-status";
import { serverParams } from "@/lib/schemas/path-params";

const refreshBody = z.strictObject({ wait: z.boolean().default(false) });

// POST /api/servers/[server]/entries/index/refresh – walk the entries again (`{ "wait"?: boolean }`); answers the
// index status
export const POST = withApi({ action: "entries.read", params: serverParams }, async ({ request, params }) => {
  const body = parseOrThrow(refreshBody, await readJsonBody(request), "refresh");
  return refreshEntryIndex(params.server, body.wait);
});
