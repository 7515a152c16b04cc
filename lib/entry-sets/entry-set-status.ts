import "server-only";

import type { EntrySetConfig } from "@/lib/config/entry-sets-schema";

import { emptyCounts, type EntrySetStatus } from "./drift-state";

// On globalThis so the watcher (started from instrumentation) and every route bundle share one table.
const globalForSets = globalThis as typeof globalThis & { __spireEntrySetStatus?: Map<string, EntrySetStatus> };
const table = (globalForSets.__spireEntrySetStatus ??= new Map());

/** A set's status before its first plan. */
export function pendingStatus(set: EntrySetConfig): EntrySetStatus {
  return {
    name: set.name,
    server: set.server,
    path: set.path,
    interval: set.interval,
    autoApply: set.autoApply,
    state: "pending",
    lastRun: null,
    error: null,
    files: [],
    counts: emptyCounts,
    summaryLine: null,
    changes: [],
    unmanaged: [],
    guard: null,
    lastApply: null,
  };
}

/** The last known status of a set (pending when it was never planned or its config changed). */
export function getEntrySetStatus(set: EntrySetConfig): EntrySetStatus {
  const known = table.get(set.name);
  const same = known && known.server === set.server && known.path === set.path;
  return same ? { ...known, interval: set.interval, autoApply: set.autoApply } : pendingStatus(set);
}

/** Stores a set's status after a run. */
export function putEntrySetStatus(status: EntrySetStatus): void {
  table.set(status.name, status);
}

/** Forgets a set removed from the config. */
export function dropEntrySetStatus(name: string): void {
  table.delete(name);
}
