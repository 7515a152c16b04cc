import "server-only";

import { ApiError } from "@/lib/api/api-error";
import type { ServerConfig } from "@/lib/config/schema";
import type { EntryInput } from "@/lib/schemas/entry-input";
import {
  batchCreateEntries,
  batchDeleteEntries,
  batchUpdateEntry,
  type CreateResult,
  type DeleteResult,
} from "@/lib/spire/entry-mutations";
import type { Entry } from "@/lib/spire/types";

import type { EntryChange } from "./compact/compact-index";
import { recordEntryChanges, recordUncertainChange } from "./invalidate-index";

// The last step of every entry change: send it to SPIRE, then patch the server's entry index with
// what SPIRE answered (no walk). Callers (create-entries.ts, update-entry.ts, delete-entries.ts,
// the clean-up) pass the one write check first (entry-write-check.ts: authorizeEntryWrite) and audit.

/** Errors after which SPIRE may or may not have made the change: the index is walked again. */
const uncertainCodes = new Set(["unavailable", "deadline_exceeded", "internal"]);

async function patchAfter<T>(server: ServerConfig, call: () => Promise<T>, change: (result: T) => EntryChange) {
  let result: T;
  try {
    result = await call();
  } catch (error) {
    if (!(error instanceof ApiError) || uncertainCodes.has(error.code)) recordUncertainChange(server.name);
    throw error;
  }
  recordEntryChanges(server.name, change(result));
  return result;
}

/** Creates entries in one batch call; one result per input. */
export async function sendEntryCreates(server: ServerConfig, inputs: EntryInput[]): Promise<CreateResult[]> {
  if (inputs.length === 0) return [];
  return patchAfter(
    server,
    () => batchCreateEntries(server, inputs),
    (results) => ({
      upserts: results.flatMap((r) => (r.status.code === "ok" && r.entry ? [r.entry] : [])),
      deletes: [],
    }),
  );
}

/** Updates the given fields of one entry. */
export async function sendEntryUpdate(server: ServerConfig, id: string, fields: Partial<EntryInput>): Promise<Entry> {
  return patchAfter(
    server,
    () => batchUpdateEntry(server, id, fields),
    (entry) => ({ upserts: [entry], deletes: [] }),
  );
}

/** Deletes entries in one batch call; one result per ID. */
export async function sendEntryDeletes(server: ServerConfig, ids: string[]): Promise<DeleteResult[]> {
  return patchAfter(
    server,
    () => batchDeleteEntries(server, ids),
    (results) => ({ upserts: [], deletes: results.flatMap((r) => (r.status.code === "ok" ? [r.id] : [])) }),
  );
}
