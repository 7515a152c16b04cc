import { z } from "zod";

import type { EntryFilters } from "@/lib/spire/types";

import { matchModeSchema, selectorStringSchema } from "./selector";
import { spiffeIdSchema, trustDomainSchema } from "./spiffe-id";

const booleanParam = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

/** Paging parameters of every list route: 1–1000 per page (default 200). */
export const pagingSchema = {
  pageSize: z.coerce
    .number()
    .int()
    .min(1, "pageSize must be at least 1")
    .max(1000, "pageSize must be at most 1000")
    .default(200),
  pageToken: z.string().max(4096).optional(),
};

/** Part of a SPIFFE ID to look for (the console's own filter; any text, any case). */
const idPartSchema = z.string().trim().min(1, "must not be empty").max(256, "must be at most 256 characters");

/**
 * Query of `GET /api/servers/{server}/entries`, mirroring `spire-server entry show`, plus
 * `spiffeIdContains` (part of a SPIFFE ID), which the console answers from its entry index.
 */
export const entryListQuerySchema = z.strictObject({
  spiffeId: spiffeIdSchema.optional(),
  parentId: spiffeIdSchema.optional(),
  selector: z.array(selectorStringSchema).optional(),
  match: matchModeSchema.optional(),
  federatesWith: z.array(trustDomainSchema).optional(),
  federatesWithMatch: matchModeSchema.optional(),
  hint: z.string().max(1024).optional(),
  downstream: booleanParam.optional(),
  spiffeIdContains: idPartSchema.optional(),
  ...pagingSchema,
});

/** Query of `GET /api/servers/{server}/agents` (`spiffeIdContains` is answered from the entry index). */
export const agentListQuerySchema = z.strictObject({
  attestationType: z.string().max(256).optional(),
  banned: booleanParam.optional(),
  canReattest: booleanParam.optional(),
  expiresBefore: z.iso
    .datetime({ offset: true, error: "expiresBefore must be an ISO-8601 time, e.g. 2026-12-01T00:00:00Z" })
    .optional(),
  selector: z.array(selectorStringSchema).optional(),
  match: matchModeSchema.optional(),
  spiffeIdContains: idPartSchema.optional(),
  ...pagingSchema,
});

/** The filters of a parsed entry query (list, tree, orphans) in the adapter's shape. */
export function toEntryFilters(query: z.output<typeof entryListQuerySchema> | EntryFilterQuery): EntryFilters {
  const { selector, ...rest } = query;
  return {
    spiffeId: rest.spiffeId,
    parentId: rest.parentId,
    selectors: selector,
    match: rest.match,
    federatesWith: rest.federatesWith,
    federatesWithMatch: rest.federatesWithMatch,
    hint: rest.hint,
    downstream: rest.downstream,
    spiffeIdContains: rest.spiffeIdContains,
  };
}

type EntryFilterQuery = Omit<z.output<typeof entryListQuerySchema>, "pageSize" | "pageToken">;
export type EntryListQuery = z.output<typeof entryListQuerySchema>;
export type AgentListQuery = z.output<typeof agentListQuerySchema>;
