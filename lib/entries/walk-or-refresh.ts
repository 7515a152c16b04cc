import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import type { CompactEntryIndex, EntryChange } from "./compact/compact-index";
import { garbageShare } from "./compact/reconcile";
import { replayChange } from "./compact/replay-change";
import { refreshIndexInPlace, walkEntryIndex, type WalkProgress } from "./index-walk";

/** A walk still running after this long is abandoned (the old index, if any, keeps serving). */
export const WALK_DEADLINE_MS = 15 * 60_000;
/**
 * A refresh patches the serving index in place, unless more than this share of it is left over
 * from removed and rewritten entries: then a new index is built beside it and replaces it.
 */
const MAX_GARBAGE_SHARE = 0.25;

/** How a walk went: a new index, or the serving one brought up to date in place. */
export type WalkKind = "built" | "in-place";

/**
 * A new index of the server, or (a refresh, while the serving index is mostly live entries) the
 * serving one brought up to date in place, so that a refresh never holds two indexes. `journal`:
 * the changes made through the console while the walk runs (it grows as they come).
 */
export async function walkOrRefresh(
  server: ServerConfig,
  trustDomain: string,
  serving: CompactEntryIndex | null,
  progress: WalkProgress,
  journal: readonly EntryChange[],
): Promise<[CompactEntryIndex, WalkKind]> {
  const deadline = Date.now() + WALK_DEADLINE_MS;
  if (serving && garbageShare(serving.columns) <= MAX_GARBAGE_SHARE) {
    const { index } = await refreshIndexInPlace(server, serving, progress, deadline, journal);
    // The journal's changes are in the index already, unless it stopped serving meanwhile
    // (`dropCachedIndex`) and they went to the journal only.
    for (const change of journal) replayChange(index, change, true);
    return [index, "in-place"];
  }
  const index = await walkEntryIndex(server, trustDomain, progress, deadline, serving?.size ?? null);
  for (const change of journal) replayChange(index, change);
  return [index, "built"];
}
