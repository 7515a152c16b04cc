import "server-only";

import { ApiError } from "@/lib/api/api-error";
import type { ServerConfig } from "@/lib/config/schema";
import { createEntryBatch } from "@/lib/entries/create-entries";
import { deleteEntryBatch } from "@/lib/entries/delete-entries";
import { updateEntry } from "@/lib/entries/update-entry";
import type { EntryInput } from "@/lib/schemas/entry-input";
import type { Entry } from "@/lib/spire/types";

import { chunksOf } from "./apply-chunks";
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

/** Creates through the console's batch create (authorized and audited per row), APPLY_CHUNK_ROWS per call. */
export async function applyCreates(server: ServerConfig, rows: Row[]): Promise<RowOutcome[]> {
  const out: RowOutcome[] = [];
  for (const chunk of chunksOf(rows)) {
    const checked = chunk.map((row, index) => ({ index, ok: true as const, input: createInput(row.change.after!) }));
    const answer = await createEntryBatch(server, checked).catch((error: unknown) => {
      const status = failure(error);
      return { results: chunk.map((_, index) => ({ index, status, entry: undefined as Entry | undefined })) };
    });
    chunk.forEach((row, n) => {
      const r = answer.results[n];
      const status = r?.status ?? { code: "internal", message: "no result" };
      const entry = r?.entry ?? null;
      out.push({
        result: { ...rowResult(row, status), entryId: entry?.id ?? row.change.entryId },
        applied: status.code === "ok" ? { change: row.change, after: entry } : null,
      });
    });
  }
  return out;
}

/** Updates one entry at a time through updateEntry (revision checked, authorized, audited), 8 at once. */
export async function applyUpdates(server: ServerConfig, rows: Row[]): Promise<RowOutcome[]> {
  const out: RowOutcome[] = new Array(rows.length);
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < rows.length; n = next++) {
      const row = rows[n]!;
      const { entryId, revisionNumber } = row.change;
      try {
        const entry = await updateEntry(server, entryId!, {
          revisionNumber: revisionNumber!,
          ...updateFields(row.change),
        });
        out[n] = {
          result: rowResult(row, { code: "ok", message: "OK" }),
          applied: { change: row.change, after: entry },
        };
      } catch (error) {
        out[n] = { result: rowResult(row, failure(error)), applied: null };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPDATE_CONCURRENCY, rows.length) }, worker));
  return out;
}

/** Deletes through the console's batch delete (authorized and audited per row), APPLY_CHUNK_ROWS per call. */
export async function applyDeletes(server: ServerConfig, rows: Row[]): Promise<RowOutcome[]> {
  const out: RowOutcome[] = [];
  for (const chunk of chunksOf(rows)) {
    const answer = await deleteEntryBatch(
      server,
      chunk.map((row) => row.change.entryId!),
    ).catch((error: unknown) => ({
      results: chunk.map((row) => ({ id: row.change.entryId!, status: failure(error) })),
    }));
    chunk.forEach((row, n) => {
      const status = answer.results[n]?.status ?? { code: "internal", message: "no result" };
      out.push({
        result: rowResult(row, status),
        applied: status.code === "ok" ? { change: row.change, after: null } : null,
      });
    });
  }
  return out;
}
