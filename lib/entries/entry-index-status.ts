import "server-only";

import { indexSlot } from "./entry-index-cache";
import { lastSavedAt } from "./saved-index-store";

/** What the console knows about the entry index of a server, for the status route and the tree's header. */
export type EntryIndexStatus = {
  server: string;
  state: "ready" | "building" | "failed" | "absent";
  entries: number | null;
  agents: number | null;
  builtAt: string | null;
  ageMs: number | null;
  /** Changes patched in since the last walk. */
  changes: number;
  lastWalkMs: number | null;
  /** The last walk built a new index, or brought the serving one up to date in place (a refresh). */
  lastWalkKind: "built" | "in-place" | null;
  walks: number;
  walking: { indexed: number; expected: number | null; elapsedMs: number } | null;
  failure: string | null;
  /** When the index served was saved, while it is a saved copy read back at start (a walk replaces it). */
  restoredFrom: string | null;
  /** When this replica last saved the index in the store (or read a saved one), if ever. */
  savedAt: string | null;
};

/** The status of a server's index (never starts a walk). */
export function entryIndexStatus(server: string): EntryIndexStatus {
  const slot = indexSlot(server);
  const index = slot?.index ?? null;
  const walk = slot?.walk ?? null;
  return {
    server,
    state: index ? "ready" : walk ? "building" : slot?.failure ? "failed" : "absent",
    entries: index?.size ?? null,
    agents: index?.agents.length ?? null,
    builtAt: index ? new Date(index.builtAt).toISOString() : null,
    ageMs: index ? Date.now() - index.builtAt : null,
    changes: index?.version ?? 0,
    lastWalkMs: slot?.walks ? slot.walkMs : null,
    lastWalkKind: slot?.lastWalkKind ?? null,
    walks: slot?.walks ?? 0,
    walking: walk
      ? {
          indexed: walk.progress.indexed,
          expected: walk.progress.expected,
          elapsedMs: Date.now() - walk.progress.startedAt,
        }
      : null,
    failure: slot?.failure ?? null,
    restoredFrom: index && slot?.restoredFrom ? new Date(slot.restoredFrom).toISOString() : null,
    savedAt: iso(lastSavedAt(server)),
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
