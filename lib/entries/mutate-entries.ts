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

import { invalidateEntryIndex } from "./invalidate-index";

// The SPIRE calls behind every entry change, each followed by dropping the server's cached index.
// Callers (create-entries.ts, update-entry.ts, delete-entries.ts) authorize and audit first.

/** Creates entries in one batch call; one result per input. */
export async function createEntries(server: ServerConfig, inputs: EntryInput[]): Promise<CreateResult[]> {
  if (inputs.length === 0) return [];
  try {
    return await batchCreateEntries(server, inputs);
  } finally {
    invalidateEntryIndex(server.name);
  }
}

/** Updates the given fields of one entry. */
export async function updateEntries(server: ServerConfig, id: string, fields: Partial<EntryInput>): Promise<Entry> {
  try {
    return await batchUpdateEntry(server, id, fields);
  } finally {
    invalidateEntryIndex(server.name);
  }
}

/** Deletes entries in one batch call; one result per ID. */
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

/** What entry validation needs to know about the server: its trust domain and, when asked, its federated bundles. */
export async function entryInputContext(server: ServerConfig, withBundles: boolean): Promise<EntryInputContext> {
  const [trustDomain, bundles] = await Promise.all([
    serverTrustDomain(server),
    withBundles ? listFederatedBundles(server) : null,
  ]);
  return { trustDomain, federatedTrustDomains: bundles?.map((b) => b.trustDomain), now: Date.now() };
}
