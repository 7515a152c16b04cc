import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { ulid } from "@/lib/audit/ulid";
import { auditError, recordIntents, recordResults } from "@/lib/audit/write-audit";
import type { ServerConfig } from "@/lib/config/schema";
import { getEntry } from "@/lib/spire/entries";
import type { DeleteResult } from "@/lib/spire/entry-mutations";
import type { Entry } from "@/lib/spire/types";

import { type BatchDeleteAnswer, summarizeDeletes } from "./batch-results";
import { authorizeEntryWrite } from "./entry-write-check";
import { sendEntryDeletes } from "./send-entry-changes";

/** Deletes with one audit intent per ID (the entry as it was, when it exists) and one result each. */
async function deleteAudited(
  server: ServerConfig,
  ids: string[],
  before: Map<string, Entry>,
  batchId: string | null,
): Promise<DeleteResult[]> {
  const intents = await recordIntents(
    ids.map((id) => ({
      action: "entry.delete",
      server,
      target: { type: "entry", id, spiffeId: before.get(id)?.spiffeId ?? null },
      before: before.get(id) ?? null,
    })),
    batchId,
  );
  let results: DeleteResult[];
  try {
    results = await sendEntryDeletes(server, ids);
  } catch (error) {
    await recordResults(
      intents,
      intents.map(() => ({ outcome: "error", error: auditError(error) })),
    );
    throw error;
  }
  await recordResults(
    intents,
    results.map((r) => (r.status.code === "ok" ? { outcome: "ok" as const } : { outcome: "error", error: r.status })),
  );
  return results;
}

/** Deletes one entry, read first so the check and the audit see what it removes. */
export async function deleteEntry(server: ServerConfig, id: string): Promise<{ deleted: string }> {
  const entry = await getEntry(server, id);
  await authorizeEntryWrite(server, { kind: "delete", entries: [entry] });
  const [result] = await deleteAudited(server, [id], new Map([[id, entry]]), null);
  if (result?.status.code === "ok") return { deleted: id };
  throw new ApiError(result?.status.code ?? "internal", result?.status.message ?? "SPIRE returned no result");
}

/**
 * Deletes entries in one call; the answer has a result per ID in request order. The entries are
 * read first: every one that exists must be allowed, or nothing is deleted. Only the IDs read and
 * checked are sent; an ID that did not exist is answered `not_found` without reaching SPIRE (so
 * an entry created under that ID meanwhile is never deleted unchecked).
 */
export async function deleteEntryBatch(server: ServerConfig, ids: string[]): Promise<BatchDeleteAnswer> {
  const existing = await readExisting(server, ids);
  await authorizeEntryWrite(server, { kind: "delete", entries: existing });
  const before = new Map(existing.map((entry) => [entry.id, entry]));
  const checked = [...new Set(ids.filter((id) => before.has(id)))];
  const sent = checked.length ? await deleteAudited(server, checked, before, ulid()) : [];
  const byId = new Map(sent.map((r) => [r.id, r]));
  const missing = (id: string): DeleteResult => ({
    id,
    status: { code: "not_found", message: `No entry with ID ${id}; nothing was sent for it.` },
  });
  return summarizeDeletes(ids.map((id) => byId.get(id) ?? missing(id)));
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
