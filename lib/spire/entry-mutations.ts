import "server-only";

import { ApiError, type ErrorBody, type ErrorCode } from "@/lib/api/api-error";
import type { ServerConfig } from "@/lib/config/schema";
import type { EntryInput, EntryInputContext } from "@/lib/schemas/entry-input";

import { listFederatedBundles } from "./bundles";
import { callUnary } from "./call";
import { getEntry } from "./entries";
import { invalidateEntryIndex } from "@/lib/entries/entry-index-cache";
import { errorCodeForGrpc } from "./errors";
import { toEntry, toPbSpiffeId } from "./mappers";
import type { PbEntry, PbStatus } from "./proto-types";
import { serverTrustDomain } from "./trust-domain";
import type { Entry } from "./types";

/** The outcome of one item of a batch call: `ok`, or the console's error code for SPIRE's status. */
export type ItemStatus = { code: "ok" | ErrorCode; message: string };
export type CreateResult = { status: ItemStatus; entry?: Entry };
export type DeleteResult = { id: string; status: ItemStatus };

type PbResult = { status: PbStatus | null; entry?: PbEntry | null };

/** Maps SPIRE's per-item `types.Status` with the same code names as `errorCodeForGrpc`. */
export function toItemStatus(status: PbStatus | null | undefined): ItemStatus {
  if (!status || status.code === 0) return { code: "ok", message: "OK" };
  return { code: errorCodeForGrpc(status.code), message: status.message || "SPIRE gave no reason" };
}

const epochSeconds = (iso: string | null | undefined) => (iso ? Math.floor(Date.parse(iso) / 1000) : 0);

/** The `types.Entry` fields (and the EntryMask flags) for the given input fields. */
function toPbFields(input: Partial<EntryInput>): { entry: Record<string, unknown>; mask: Record<string, boolean> } {
  const entry: Record<string, unknown> = {};
  const set = (field: string, value: unknown) => {
    entry[field] = value;
  };
  if (input.spiffeId !== undefined) set("spiffeId", toPbSpiffeId(input.spiffeId));
  if (input.parentId !== undefined) set("parentId", toPbSpiffeId(input.parentId));
  if (input.selectors !== undefined)
    set(
      "selectors",
      input.selectors.map(({ type, value }) => ({ type, value })),
    );
  if (input.x509SvidTtl !== undefined) set("x509SvidTtl", input.x509SvidTtl);
  if (input.jwtSvidTtl !== undefined) set("jwtSvidTtl", input.jwtSvidTtl);
  if (input.federatesWith !== undefined) set("federatesWith", input.federatesWith);
  if (input.dnsNames !== undefined) set("dnsNames", input.dnsNames);
  if (input.admin !== undefined) set("admin", input.admin);
  if (input.downstream !== undefined) set("downstream", input.downstream);
  if (input.hint !== undefined) set("hint", input.hint);
  if (input.storeSvid !== undefined) set("storeSvid", input.storeSvid);
  if (input.expiresAt !== undefined) set("expiresAt", epochSeconds(input.expiresAt));
  const mask = Object.fromEntries(Object.keys(entry).map((k) => [k, true]));
  return { entry, mask };
}

/**
 * Creates entries with one BatchCreateEntry call; one result per input, in order. A similar
 * entry (same SPIFFE ID, parent and selectors) comes back as `already_exists` naming it.
 */
export async function createEntries(server: ServerConfig, inputs: EntryInput[]): Promise<CreateResult[]> {
  if (inputs.length === 0) return [];
  const response = await callUnary<{ results: PbResult[] }>(server, "entry", "batchCreateEntry", {
    entries: inputs.map((input) => toPbFields(input).entry),
  });
  invalidateEntryIndex(server.name);
  return inputs.map((_, i) => {
    const result = response.results[i];
    if (!result) return { status: { code: "internal", message: "SPIRE returned no result for this entry" } };
    const status = toItemStatus(result.status);
    if (status.code === "ok" && result.entry) return { status, entry: toEntry(result.entry) };
    if (status.code === "already_exists" && result.entry?.id) {
      status.message = `A similar entry already exists (same SPIFFE ID, parent ID and selectors): ${result.entry.id}`;
    }
    return { status };
  });
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
 * Updates only the given fields of entry `id` (BatchUpdateEntry with an input mask of exactly
 * those fields), after checking it is still at `revisionNumber`. SPIRE has no compare-and-swap,
 * so a tiny race window remains between the GetEntry check and the update.
 */
export async function updateEntryFields(
  server: ServerConfig,
  id: string,
  revisionNumber: number,
  fields: Partial<EntryInput>,
  check?: (current: Entry) => void,
): Promise<Entry> {
  const current = await getEntry(server, id);
  if (current.revisionNumber !== revisionNumber) throw new StaleEntryError(current, revisionNumber);
  check?.(current);
  const { entry, mask } = toPbFields(fields);
  const response = await callUnary<{ results: PbResult[] }>(server, "entry", "batchUpdateEntry", {
    entries: [{ ...entry, id }],
    inputMask: mask,
  });
  invalidateEntryIndex(server.name);
  const result = response.results[0];
  const status = toItemStatus(result?.status);
  if (status.code !== "ok" || !result?.entry) {
    throw new ApiError(status.code === "ok" ? "internal" : status.code, status.message);
  }
  return toEntry(result.entry);
}

/** Deletes entries with one BatchDeleteEntry call; one result per ID, in order. */
export async function deleteEntries(server: ServerConfig, ids: string[]): Promise<DeleteResult[]> {
  const response = await callUnary<{ results: { id: string; status: PbStatus | null }[] }>(
    server,
    "entry",
    "batchDeleteEntry",
    { ids },
  );
  invalidateEntryIndex(server.name);
  return ids.map((id, i) => {
    const status = toItemStatus(response.results[i]?.status);
    if (status.code === "not_found") status.message = `No entry with ID ${id} (already deleted?)`;
    return { id, status };
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
