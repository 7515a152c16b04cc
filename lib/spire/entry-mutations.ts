import "server-only";

import { ApiError, type ErrorCode } from "@/lib/api/api-error";
import type { ServerConfig } from "@/lib/config/schema";
import type { EntryInput } from "@/lib/schemas/entry-input";

import { callUnary } from "./call";
import { errorCodeForGrpc } from "./errors";
import { toEntry, toPbSpiffeId } from "./mappers";
import type { PbEntry, PbStatus } from "./proto-types";
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
  // The message has no per-field mask: the whole AdditionalAttributes is replaced.
  if (input.additionalAttributes !== undefined) {
    const { disableX509SvidPrefetch = false, jwtSvidIncludeJti = false } = input.additionalAttributes;
    set("additionalAttributes", { disableX509SvidPrefetch, jwtSvidIncludeJti });
  }
  const mask = Object.fromEntries(Object.keys(entry).map((k) => [k, true]));
  return { entry, mask };
}

/**
 * Creates entries with one BatchCreateEntry call; one result per input, in order. A similar
 * entry (same SPIFFE ID, parent and selectors) comes back as `already_exists` naming it.
 */
export async function batchCreateEntries(server: ServerConfig, inputs: EntryInput[]): Promise<CreateResult[]> {
  if (inputs.length === 0) return [];
  const response = await callUnary<{ results: PbResult[] }>(server, "entry", "batchCreateEntry", {
    // A caller-chosen ID is kept (SPIRE accepts one on create); toPbFields never sends it on update.
    entries: inputs.map((input) => ({ ...toPbFields(input).entry, ...(input.id ? { id: input.id } : {}) })),
  });
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

/**
 * Updates only the given fields of entry `id`: BatchUpdateEntry with an input mask of exactly
 * those fields. A failed item is thrown as an ApiError with SPIRE's reason.
 */
export async function batchUpdateEntry(server: ServerConfig, id: string, fields: Partial<EntryInput>): Promise<Entry> {
  const { entry, mask } = toPbFields(fields);
  const response = await callUnary<{ results: PbResult[] }>(server, "entry", "batchUpdateEntry", {
    entries: [{ ...entry, id }],
    inputMask: mask,
  });
  const result = response.results[0];
  const status = toItemStatus(result?.status);
  if (status.code !== "ok" || !result?.entry) {
    throw new ApiError(status.code === "ok" ? "internal" : status.code, status.message);
  }
  return toEntry(result.entry);
}

/** Deletes entries with one BatchDeleteEntry call; one result per ID, in order. */
export async function batchDeleteEntries(server: ServerConfig, ids: string[]): Promise<DeleteResult[]> {
  const response = await callUnary<{ results: { id: string; status: PbStatus | null }[] }>(
    server,
    "entry",
    "batchDeleteEntry",
    { ids },
  );
  return ids.map((id, i) => {
    const status = toItemStatus(response.results[i]?.status);
    if (status.code === "not_found") status.message = `No entry with ID ${id} (already deleted?)`;
    return { id, status };
  });
}
