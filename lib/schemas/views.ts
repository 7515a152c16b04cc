import { z } from "zod";

import { entryListQuerySchema } from "./list-queries";
import { serverNameSchema } from "./path-params";
import { spiffeIdSchema, trustDomainSchema } from "./spiffe-id";

const paging = {
  offset: z.coerce.number().int().min(0, "offset must be at least 0").default(0),
  limit: z.coerce
    .number()
    .int()
    .min(1, "limit must be at least 1")
    .max(1000, "limit must be at most 1000")
    .default(200),
};

/** Text that narrows one tree level to the entries it finds (like the search route, within the level). */
const levelSearch = { q: z.string().trim().max(256, "q must be at most 256 characters").optional() };

/** Query of `GET /api/servers/{server}/entries/tree`: the list API's filters plus the node to expand. */
export const entryTreeQuerySchema = entryListQuerySchema
  .omit({ pageSize: true, pageToken: true })
  .extend({ parent: spiffeIdSchema.optional(), ...paging, ...levelSearch });

/** Query of `GET /api/servers/{server}/entries/orphans`: the list API's filters plus offset paging. */
export const orphanQuerySchema = entryListQuerySchema
  .omit({ pageSize: true, pageToken: true })
  .extend({ ...paging, ...levelSearch });

/** The `[trustDomain]` segment of the federation routes. */
export const trustDomainParamSchema = trustDomainSchema;

/** The `[agentId]` segment: a URL-encoded agent SPIFFE ID. */
export const agentIdParamSchema = spiffeIdSchema;

/** `?server=` of the views that cover every server unless one is named. */
export const serverScopeQuery = z.object({ server: serverNameSchema.optional() });
