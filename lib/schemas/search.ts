import { z } from "zod";

/** Query of the search routes (`/api/servers/{server}/entries/search`, `/agents/search`): text and offset paging. */
export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, "q must not be empty").max(256, "q must be at most 256 characters"),
  offset: z.coerce.number().int().min(0, "offset must be at least 0").default(0),
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(200, "limit must be at most 200").default(20),
});

export type SearchQuery = z.output<typeof searchQuerySchema>;
