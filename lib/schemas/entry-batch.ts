// Batches of entries: the envelopes of a batch create and a batch delete, and each row checked on its own so the
// good rows can be sent and the bad ones reported.
import { z } from "zod";

import {
  entryIdSchema,
  type EntryInput,
  type EntryInputContext,
  entryInputSchema,
  MAX_BATCH_ROWS,
  unknownKeys,
} from "./entry-input";

/** The envelope of a batch create; each row is validated separately so one bad row rejects only itself. */
export const batchCreateSchema = z.strictObject(
  {
    entries: z
      .array(z.unknown(), { error: "entries must be a list of entries" })
      .min(1, "entries must not be empty")
      .max(MAX_BATCH_ROWS, `At most ${MAX_BATCH_ROWS} entries per request`),
  },
  { error: unknownKeys("a batch") },
);

/** The body of `POST .../entries/batch-delete`. */
export const batchDeleteSchema = z.strictObject(
  {
    ids: z
      .array(entryIdSchema, { error: "ids must be a list of entry IDs" })
      .min(1, "ids must not be empty")
      .max(MAX_BATCH_ROWS, `At most ${MAX_BATCH_ROWS} IDs per request`)
      .refine((ids) => new Set(ids).size === ids.length, "ids must not repeat an ID"),
  },
  { error: unknownKeys("a batch delete") },
);

/** One row of a batch, validated: the parsed entry, or the field issues that keep it from being sent. */
export type CheckedRow =
  | { index: number; ok: true; input: EntryInput }
  | { index: number; ok: false; message: string; details: { path: string; message: string }[] };

/** Validates every row of a batch separately, so the good rows can be sent and the bad ones reported. */
export function checkEntryRows(rows: unknown[], ctx: EntryInputContext = {}): CheckedRow[] {
  const schema = entryInputSchema(ctx);
  return rows.map((row, index) => {
    const result = schema.safeParse(row);
    if (result.success) return { index, ok: true, input: result.data };
    const details = result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    const first = details[0];
    return {
      index,
      ok: false,
      message: `Invalid entry: ${first?.path ? `${first.path}: ` : ""}${first?.message ?? "invalid"}`,
      details,
    };
  });
}

/** True when any row (or the single entry) names a federated trust domain, so the bundles must be read. */
export function mentionsFederation(rows: unknown[]): boolean {
  return rows.some(
    (r) =>
      typeof r === "object" &&
      r !== null &&
      Array.isArray((r as { federatesWith?: unknown }).federatesWith) &&
      (r as { federatesWith: unknown[] }).federatesWith.length > 0,
  );
}

/** True when a create body is a batch (`{ entries: [...] }`) rather than one entry. */
export function isBatchBody(body: unknown): body is { entries: unknown } {
  return typeof body === "object" && body !== null && "entries" in body;
}
