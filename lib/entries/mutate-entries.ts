import "server-only";

import { ApiError, type ErrorBody } from "@/lib/api/api-error";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import {
  type CheckedRow,
  type EntryInput,
  type EntryInputContext,
  type EntryPatch,
  storeSvidProblem,
} from "@/lib/schemas/entry-input";
import { listFederatedBundles } from "@/lib/spire/bundles";
import { getEntry } from "@/lib/spire/entries";
import {
  batchCreateEntries,
  batchDeleteEntries,
  batchUpdateEntry,
  type CreateResult,
  type DeleteResult,
} from "@/lib/spire/entry-mutations";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Entry } from "@/lib/spire/types";

import { type BatchCreateAnswer, type BatchDeleteAnswer, mergeCreateResults, summarizeDeletes } from "./batch-results";
import { invalidateEntryIndex } from "./entry-index-cache";

/** Creates entries in one batch call and drops the server's cached index; one result per input. */
export async function createEntries(server: ServerConfig, inputs: EntryInput[]): Promise<CreateResult[]> {
  if (inputs.length === 0) return [];
  try {
    return await batchCreateEntries(server, inputs);
  } finally {
    invalidateEntryIndex(server.name);
  }
}

/** Deletes entries in one batch call and drops the server's cached index; one result per ID. */
export async function deleteEntries(server: ServerConfig, ids: string[]): Promise<DeleteResult[]> {
  try {
    return await batchDeleteEntries(server, ids);
  } finally {
    invalidateEntryIndex(server.name);
  }
}

/** A 409 `conflict` whose body also carries the entry as it is now, so the UI can show both versions. */
export class StaleEntryError extends ApiError {
  readonly current: Entry;

  constructor(current: Entry, basedOn: number) {
    super(
      "conflict",
      `The entry changed since it was loaded (revision ${basedOn}, now ${current.revisionNumber}); nothing was saved.`,
    );
    this.current = current;
  }

  override toBody(): ErrorBody & { current: Entry } {
    return { ...super.toBody(), current: this.current };
  }
}

/**
 * Updates only the given fields of entry `id`, after checking it is still at `revisionNumber`
 * (409 with the current entry otherwise) and passing it to `check`, which may throw to refuse.
 * SPIRE has no compare-and-swap, so a tiny race window remains between the check and the update.
 */
export async function updateEntryFields(
  server: ServerConfig,
  id: string,
  revisionNumber: number,
  fields: Partial<EntryInput>,
  check?: (current: Entry) => void,
): Promise<Entry> {
  const current = await getEntry(server, id);
  await authorize("entries.write", { server: server.name, entries: [current, { ...current, ...fields }] });
  if (current.revisionNumber !== revisionNumber) throw new StaleEntryError(current, revisionNumber);
  check?.(current);
  try {
    return await batchUpdateEntry(server, id, fields);
  } finally {
    invalidateEntryIndex(server.name);
  }
}

/**
 * Applies a validated PATCH: the fields it names, if the entry is still at its `revisionNumber`,
 * and only if the result keeps SPIRE's storeSvid rule (checked against the current entry).
 */
export async function updateEntry(server: ServerConfig, id: string, patch: EntryPatch): Promise<Entry> {
  const { revisionNumber, ...fields } = patch;
  return updateEntryFields(server, id, revisionNumber, fields, (current) => {
    const problem = storeSvidProblem({ ...current, ...fields });
    if (problem) {
      throw new ApiError("invalid_argument", `Invalid entry change: ${problem}`, [
        { path: "storeSvid", message: problem },
      ]);
    }
  });
}

/** What entry validation needs to know about the server: its trust domain and, when asked, its federated bundles. */
export async function entryInputContext(server: ServerConfig, withBundles: boolean): Promise<EntryInputContext> {
  const [trustDomain, bundles] = await Promise.all([
    serverTrustDomain(server),
    withBundles ? listFederatedBundles(server) : null,
  ]);
  return { trustDomain, federatedTrustDomains: bundles?.map((b) => b.trustDomain), now: Date.now() };
}

/**
 * Creates the one entry of a single-entry request (`rows` holds exactly that row); a row that
 * failed validation, or SPIRE's refusal, is thrown as an ApiError.
 */
export async function createEntry(server: ServerConfig, rows: CheckedRow[]): Promise<Entry> {
  const [row] = rows;
  if (!row || rows.length !== 1) throw new ApiError("invalid_argument", "Send one entry, or { entries: [...] }.");
  if (!row.ok) throw new ApiError("invalid_argument", row.message, row.details);
  await authorize("entries.write", { server: server.name, entries: [row.input] });
  const [result] = await createEntries(server, [row.input]);
  if (result?.status.code === "ok" && result.entry) return result.entry;
  const code = result && result.status.code !== "ok" ? result.status.code : "internal";
  throw new ApiError(code, result?.status.message ?? "SPIRE returned no result");
}

/**
 * Sends the valid rows of a batch in one call; the answer has a result per row in request order.
 * Every valid row must be allowed, or nothing is sent (403 naming the first refused row).
 */
export async function createEntryBatch(server: ServerConfig, checked: CheckedRow[]): Promise<BatchCreateAnswer> {
  const valid = checked.flatMap((row) => (row.ok ? [row.input] : []));
  await authorize("entries.write", { server: server.name, entries: valid });
  return mergeCreateResults(checked, await createEntries(server, valid));
}

/** Deletes one entry, read first so the check sees what it removes; SPIRE's refusal is thrown as an ApiError. */
export async function deleteEntry(server: ServerConfig, id: string): Promise<{ deleted: string }> {
  await authorize("entries.write", { server: server.name, entries: [await getEntry(server, id)] });
  const [result] = await deleteEntries(server, [id]);
  if (result?.status.code === "ok") return { deleted: id };
  throw new ApiError(result?.status.code ?? "internal", result?.status.message ?? "SPIRE returned no result");
}

/**
 * Deletes entries in one call; the answer has a result per ID in request order. The entries are
 * read first: every one that exists must be allowed, or nothing is deleted.
 */
export async function deleteEntryBatch(server: ServerConfig, ids: string[]): Promise<BatchDeleteAnswer> {
  const existing = await readExisting(server, ids);
  await authorize("entries.write", { server: server.name, entries: existing });
  return summarizeDeletes(await deleteEntries(server, ids));
}

/** The entries that exist among `ids` (missing ones are left for SPIRE to report), read 16 at a time. */
async function readExisting(server: ServerConfig, ids: string[]): Promise<Entry[]> {
  const found: Entry[] = [];
  for (let i = 0; i < ids.length; i += 16) {
    const batch = await Promise.all(
      ids.slice(i, i + 16).map((id) =>
        getEntry(server, id).catch((error: unknown) => {
          if (error instanceof ApiError && error.code === "not_found") return null;
          throw error;
        }),
      ),
    );
    for (const entry of batch) if (entry) found.push(entry);
  }
  return found;
}
