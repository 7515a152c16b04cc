import "server-only";

import { ApiError } from "@/lib/api/api-error";
import type { ServerConfig } from "@/lib/config/schema";
import { createEntryBatch } from "@/lib/entries/create-entries";
import { deleteEntryBatch } from "@/lib/entries/delete-entries";
import { updateEntry } from "@/lib/entries/update-entry";
import type { EntryInput } from "@/lib/schemas/entry-input";
import type { Entry } from "@/lib/spire/types";

import { chunksOf, mapChunksInOrder } from "./apply-chunks";
import { canonicalEntry } from "./declared-entry";
import type { AppliedChange } from "./plan-inverse";
import type { ApplyRowResult, DeclaredEntry, PlannedChange } from "./types";

const UPDATE_CONCURRENCY = 8;

type Row = { index: number; change: PlannedChange };
export type RowOutcome = { result: ApplyRowResult; applied: AppliedChange | null };

/** The entry to create, every field spelled out (defaults included) and the ID kept. */
export function createInput(declared: DeclaredEntry): EntryInput {
  const { ...fields } = canonicalEntry(declared);
  return { ...(declared.id ? { id: declared.id } : {}), ...fields };
}

/** The changed fields of an update with their declared values. */
export function updateFields(change: PlannedChange): Partial<EntryInput> {
  const after = canonicalEntry(change.after!);
  return Object.fromEntries(change.fields.map((f) => [f.field, after[f.field as keyof typeof after]]));
}

const rowResult = (row: Row, status: { code: string; message: string }): ApplyRowResult => ({
  index: row.index,
  action: row.change.action,
  entryId: row.change.entryId,
  spiffeId: row.change.spiffeId,
  status,
});

const failure = (error: unknown) =>
  error instanceof ApiError
    ? { code: error.code, message: error.message }
    : { code: "internal", message: "unexpected error; see the console's log" };

/**
 * `rows` cut into APPLY_CHUNK_ROWS-row calls of `send`, APPLY_CALLS_IN_FLIGHT at once; `outcome`
 * reads each row's result (the n-th of its call's answer), in the rows' order.
 */
async function sendInChunks<A>(
  rows: Row[],
  send: (chunk: Row[]) => Promise<A>,
  outcome: (row: Row, answer: A, n: number) => RowOutcome,
): Promise<RowOutcome[]> {
  const chunks = chunksOf(rows);
  const answers = await mapChunksInOrder(chunks, send);
  return chunks.flatMap((chunk, c) => chunk.map((row, n) => outcome(row, answers[c]!, n)));
}

const noResult = { code: "internal", message: "no result" };

/** Creates through the console's batch create (authorized and audited per row), in chunks. */
export function applyCreates(server: ServerConfig, rows: Row[]): Promise<RowOutcome[]> {
  return sendInChunks(
    rows,
    (chunk) => {
      const checked = chunk.map((row, index) => ({ index, ok: true as const, input: createInput(row.change.after!) }));
      return createEntryBatch(server, checked).catch((error: unknown) => {
        const status = failure(error);
        return { results: chunk.map((_, index) => ({ index, status, entry: undefined as Entry | undefined })) };
      });
    },
    (row, answer, n) => {
      const r = answer.results[n];
      const status = r?.status ?? noResult;
      const entry = r?.entry ?? null;
      return {
        result: { ...rowResult(row, status), entryId: entry?.id ?? row.change.entryId },
        applied: status.code === "ok" ? { change: row.change, after: entry } : null,
      };
    },
  );
}

/** Updates one entry at a time through updateEntry (revision checked, authorized, audited), 8 at once. */
export function applyUpdates(server: ServerConfig, rows: Row[]): Promise<RowOutcome[]> {
  return mapChunksInOrder(
    rows,
    async (row): Promise<RowOutcome> => {
      const { entryId, revisionNumber } = row.change;
      try {
        const entry = await updateEntry(server, entryId!, {
          revisionNumber: revisionNumber!,
          ...updateFields(row.change),
        });
        return { result: rowResult(row, { code: "ok", message: "OK" }), applied: { change: row.change, after: entry } };
      } catch (error) {
        return { result: rowResult(row, failure(error)), applied: null };
      }
    },
    UPDATE_CONCURRENCY,
  );
}

/** Deletes through the console's batch delete (authorized and audited per row), in chunks. */
export function applyDeletes(server: ServerConfig, rows: Row[]): Promise<RowOutcome[]> {
  return sendInChunks(
    rows,
    (chunk) =>
      deleteEntryBatch(
        server,
        chunk.map((row) => row.change.entryId!),
      ).catch((error: unknown) => ({
        results: chunk.map((row) => ({ id: row.change.entryId!, status: failure(error) })),
      })),
    (row, answer, n) => {
      const status = answer.results[n]?.status ?? noResult;
      return {
        result: rowResult(row, status),
        applied: status.code === "ok" ? { change: row.change, after: null } : null,
      };
    },
  );
}
