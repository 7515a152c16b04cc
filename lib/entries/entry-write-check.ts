import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { can, type EntryScope, entryWriteProblem } from "@/lib/auth/can";
import { authorize, recordDenial } from "@/lib/auth/guard";
import {
  changesIdentity,
  type IdentityFacts,
  isUnscopedAdmin,
  powerfulIdentityRefusal,
} from "@/lib/auth/powerful-identity";
import type { Principal } from "@/lib/auth/principal";
import { currentAuth } from "@/lib/auth/request-context";
import type { ServerConfig } from "@/lib/config/schema";
import { listEntries } from "@/lib/spire/entries";
import type { Entry, EntryFilters } from "@/lib/spire/types";

import { readKnownPowerfulIds } from "./powerful-ids";

/** One entry write, as the check sees it: new rows, an edit (the entry now and its result) or deletes. */
export type EntryWrite =
  | { kind: "create"; rows: readonly EntryScope[] }
  | { kind: "update"; current: Entry; result: EntryScope }
  | { kind: "delete"; entries: readonly Entry[] };

const PAGE = 500;

/** Entries matching one filter, read page by page until `enough` says the rest cannot matter. */
async function collect(server: ServerConfig, filters: EntryFilters, enough: (e: Entry) => boolean): Promise<Entry[]> {
  const found: Entry[] = [];
  let pageToken: string | undefined;
  do {
    const page = await listEntries(server, filters, { pageSize: PAGE, pageToken });
    found.push(...page.items);
    if (page.items.some(enough)) break;
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return found;
}

/** What the live server holds for `spiffeId`: entries with that ID, and entries parented to it. */
async function identityFacts(
  server: ServerConfig,
  spiffeId: string,
  inScope: (e: EntryScope) => boolean,
): Promise<IdentityFacts> {
  const [holders, children] = await Promise.all([
    collect(server, { spiffeId }, () => false),
    collect(server, { parentId: spiffeId }, (child) => !inScope(child)),
  ]);
  return { holders, children };
}

/** The SPIFFE IDs a write creates or moves (new ID or new parent): the ones the power rule looks at. */
function movedIds(write: EntryWrite): string[] {
  if (write.kind === "create") return [...new Set(write.rows.map((r) => r.spiffeId))];
  if (write.kind === "update") return changesIdentity(write.current, write.result) ? [write.result.spiffeId] : [];
  return [];
}

/** Refuses (403, audited) the first moved ID that is a powerful identity of the server. */
async function refusePowerfulIds(server: ServerConfig, principal: Principal, ids: string[]): Promise<void> {
  if (ids.length === 0 || isUnscopedAdmin(principal)) return;
  const known = readKnownPowerfulIds();
  const inScope = (entry: EntryScope) =>
    can(principal, "entries.write", { server: server.name, entries: [entry] }).allowed;
  for (let i = 0; i < ids.length; i += 16) {
    const slice = ids.slice(i, i + 16);
    const facts = await Promise.all(slice.map((id) => identityFacts(server, id, inScope)));
    for (const [j, id] of slice.entries()) {
      const refusal = powerfulIdentityRefusal(id, known, facts[j]!, inScope);
      if (!refusal) continue;
      const error = new ApiError("permission_denied", `You may not create or change this entry: ${refusal.message}.`, [
        { path: "spiffeId", message: `${refusal.rule}: ${refusal.message}` },
      ]);
      await recordDenial(error, "entries.write", server.name, id);
      throw error;
    }
  }
}

/**
 * The one write check of every entry write: the form, batches, imports, edits and fix buttons,
 * deletes and clean-up (and the "entries as code" apply, which checks every row first, then writes through
 * createEntryBatch, updateEntry and deleteEntryBatch and so is checked again). Nothing that writes
 * an entry may call lib/entries/send-entry-changes.ts without passing here first.
 *
 * 1. `authorize("entries.write")`: the role, the server, the SPIFFE-ID scope and, for editors and
 *    operators, the entry bounds of every resulting state (lib/auth/can.ts, entry-bounds.ts).
 * 2. For everyone but an unscoped admin: no created or moved (new ID or parent) entry may hold a
 *    powerful identity of the server (lib/auth/powerful-identity.ts), looked up on the live
 *    server at write time (ListEntries by SPIFFE ID and by parent ID).
 *
 * Throws 401/403 naming the rule that refused; returns the principal when the write may go ahead.
 */
export async function authorizeEntryWrite(server: ServerConfig, write: EntryWrite): Promise<Principal> {
  const resource =
    write.kind === "create"
      ? { entries: write.rows, writes: write.rows }
      : write.kind === "update"
        ? { entries: [write.current, write.result], writes: [write.result] }
        : { entries: write.entries };
  const principal = await authorize("entries.write", { server: server.name, ...resource }).catch(
    async (error: unknown) => {
      throw await withRefusedField(error, server.name, write);
    },
  );
  await refusePowerfulIds(server, principal, movedIds(write));
  return principal;
}

/** A refusal of one create or edit, with the entry field at fault as its detail (the form marks that field). */
async function withRefusedField(error: unknown, server: string, write: EntryWrite): Promise<unknown> {
  const row = write.kind === "create" && write.rows.length === 1 ? write.rows[0] : undefined;
  const state = write.kind === "update" ? write.result : row;
  if (!(error instanceof ApiError) || error.code !== "permission_denied" || !state) return error;
  const { principal } = await currentAuth();
  const found = entryWriteProblem(principal, server, state);
  if (!found || found.field === "form") return error;
  return new ApiError(error.code, error.message, [{ path: found.field, message: found.message }]);
}
