import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { ulid } from "@/lib/audit/ulid";
import { recordIntents, recordResults } from "@/lib/audit/write-audit";
import type { ServerConfig } from "@/lib/config/schema";
import type { CheckedRow } from "@/lib/schemas/entry-batch";
import type { EntryInput } from "@/lib/schemas/entry-input";
import type { CreateResult } from "@/lib/spire/entry-mutations";
import type { Entry } from "@/lib/spire/types";

import { type BatchCreateAnswer, mergeCreateResults } from "./batch-results";
import { authorizeEntryWrite } from "./entry-write-check";
import { sendEntryCreates } from "./send-entry-changes";

const createChange = (server: ServerConfig, input: EntryInput) => ({
  action: "entry.create",
  server,
  target: { type: "entry", id: input.id ?? null, spiffeId: input.spiffeId },
  after: input,
});

/** Sends valid rows with one audit intent each (written first) and one result each (written after). */
async function createAudited(server: ServerConfig, inputs: EntryInput[], batchId: string | null) {
  const intents = await recordIntents(
    inputs.map((input) => createChange(server, input)),
    batchId,
  );
  let results: CreateResult[];
  try {
    results = await sendEntryCreates(server, inputs);
  } catch (error) {
    const failed = error instanceof ApiError ? { code: error.code, message: error.message } : null;
    await recordResults(
      intents,
      intents.map(() => ({ outcome: "error", error: failed ?? { code: "internal", message: "unexpected error" } })),
    );
    throw error;
  }
  await recordResults(
    intents,
    results.map((r) =>
      r.status.code === "ok" && r.entry
        ? { outcome: "ok" as const, after: r.entry, targetId: r.entry.id }
        : { outcome: "error" as const, error: r.status },
    ),
  );
  return results;
}

/**
 * Creates the one entry of a single-entry request (`rows` holds exactly that row); a row that
 * failed validation, or SPIRE's refusal, is thrown as an ApiError.
 */
export async function createEntry(server: ServerConfig, rows: CheckedRow[]): Promise<Entry> {
  const [row] = rows;
  if (!row || rows.length !== 1) throw new ApiError("invalid_argument", "Send one entry, or { entries: [...] }.");
  if (!row.ok) throw new ApiError("invalid_argument", row.message, row.details);
  await authorizeEntryWrite(server, { kind: "create", rows: [row.input] });
  const [result] = await createAudited(server, [row.input], null);
  if (result?.status.code === "ok" && result.entry) return result.entry;
  const code = result && result.status.code !== "ok" ? result.status.code : "internal";
  throw new ApiError(code, result?.status.message ?? "SPIRE returned no result");
}

/**
 * Sends the valid rows of a batch in one call; the answer has a result per row in request order.
 * Every valid row must pass the write check, or nothing is sent (403 naming the first refused row).
 */
export async function createEntryBatch(server: ServerConfig, checked: CheckedRow[]): Promise<BatchCreateAnswer> {
  const valid = checked.flatMap((row) => (row.ok ? [row.input] : []));
  await authorizeEntryWrite(server, { kind: "create", rows: valid });
  return mergeCreateResults(checked, valid.length ? await createAudited(server, valid, ulid()) : []);
}
