import "server-only";

import { ApiError, type ErrorBody } from "@/lib/api/api-error";
import type { ServerConfig } from "@/lib/config/schema";
import type { EntryInput, EntryInputContext } from "@/lib/schemas/entry-input";
import { listFederatedBundles } from "@/lib/spire/bundles";
import {
  batchCreateEntries,
  batchDeleteEntries,
  batchUpdateEntry,
  type CreateResult,
  type DeleteResult,
} from "@/lib/spire/entry-mutations";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Entry } from "@/lib/spire/types";

import type { EntryChange } from "./compact/compact-index";
import { recordEntryChanges, recordUncertainChange } from "./invalidate-index";

// The SPIRE calls behind every entry change, each followed by patching the server's entry index
// with what SPIRE answered (no walk). Callers (create-entries.ts, update-entry.ts,
// delete-entries.ts) authorize and audit first.

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
export async function createEntries(server: ServerConfig, inputs: EntryInput[]): Promise<CreateResult[]> {
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
export async function updateEntries(server: ServerConfig, id: string, fields: Partial<EntryInput>): Promise<Entry> {
  return patchAfter(
    server,
    () => batchUpdateEntry(server, id, fields),
    (entry) => ({ upserts: [entry], deletes: [] }),
  );
}

/** Deletes entries in one batch call; one result per ID. */
export async function deleteEntries(server: ServerConfig, ids: string[]): Promise<DeleteResult[]> {
  return patchAfter(
    server,
    () => batchDeleteEntries(server, ids),
    (results) => ({ upserts: [], deletes: results.flatMap((r) => (r.status.code === "ok" ? [r.id] : [])) }),
  );
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

/** What entry validation needs to know about the server: its trust domain and, when asked, its federated bundles. */
export async function entryInputContext(server: ServerConfig, withBundles: boolean): Promise<EntryInputContext> {
  const [trustDomain, bundles] = await Promise.all([
    serverTrustDomain(server),
    withBundles ? listFederatedBundles(server) : null,
  ]);
  return { trustDomain, federatedTrustDomains: bundles?.map((b) => b.trustDomain), now: Date.now() };
}
