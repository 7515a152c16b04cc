import { z } from "zod";

import { withApi } from "@/lib/api/with-api";
import { searchQuerySchema } from "@/lib/schemas/search";
import { searchEverything } from "@/lib/search/load-search";

const paletteQuery = searchQuerySchema
  .pick({ q: true })
  .extend({
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(20, "limit must be at most 20").default(5),
  });

// GET /api/search – the command palette: entries and agents on every server, pods and trust domains (?q=)
export const GET = withApi({ action: "servers.read", query: paletteQuery }, async ({ query }) =>
  searchEverything(query.q, query.limit),
);
