import "server-only";

import { ApiError } from "@/lib/api/api-error";
import type { ServerConfig } from "@/lib/config/schema";
import { observeEntryIndexWalk, setEntryIndexSize } from "@/lib/metrics/record";
import { listAllAgents } from "@/lib/spire/agents";

import type { CompactEntryIndex, EntryChange } from "./compact/compact-index";
import { replayChange } from "./compact/replay-change";
import type { WalkProgress } from "./index-walk";
import { readSavedIndex, saveIndexSoon } from "./saved-index-store";
import { type WalkKind, walkOrRefresh } from "./walk-or-refresh";

/**
 * An index is walked again in the background once older than 5× its last walk (at most 5 min), or
 * than the server's `indexRefreshSeconds` (default 5) when that is longer.
 */
const MAX_FRESH_MS = 5 * 60_000;
/** A first walk is waited for this long; after that callers get a 503 that says how far it got. */
const FIRST_WAIT_MS = 4_000;
/** After a failed walk, a background refresh waits this long before trying again. */
const RETRY_MS = 10_000;

type Walk = {
  promise: Promise<CompactEntryIndex>;
  progress: WalkProgress;
  /** Changes applied while this walk runs, applied again to its result (the walk may have read past them). */
  journal: EntryChange[];
};

export type IndexSlot = {
  key: string;
  server: ServerConfig;
  trustDomain: string;
  index: CompactEntryIndex | null;
  walk: Walk | null;
  walkMs: number;
  walks: number;
  lastWalkKind: WalkKind | null;
  /** Walk again as soon as the running walk ends (a change came in that it may have missed). */
  again: boolean;
  failedAt: number;
  failure: string | null;
  /** The saved index being read back from the store (once per slot). */
  restoring: Promise<CompactEntryIndex | null> | null;
  /** When the index served was saved, while it is a saved copy no walk has replaced yet. */
  restoredFrom: number | null;
};

// On globalThis so every route bundle of the Next server shares one cache.
const globalForIndex = globalThis as typeof globalThis & { __spireEntryIndex?: Map<string, IndexSlot> };
const slots = (globalForIndex.__spireEntryIndex ??= new Map());

function slotFor(server: ServerConfig, trustDomain: string): IndexSlot {
  const key = `${server.address}|${trustDomain}`;
  let slot = slots.get(server.name);
  if (!slot || slot.key !== key) {
    slot = {
      key,
      server,
      trustDomain,
      index: null,
      walk: null,
      walkMs: 0,
      walks: 0,
      lastWalkKind: null,
      again: false,
      failedAt: 0,
      failure: null,
      restoring: null,
      restoredFrom: null,
    };
    slots.set(server.name, slot);
  }
  slot.server = server;
  return slot;
}

/** Starts the one walk of a server (single flight: a running walk is reused, never doubled). */
function ensureWalk(name: string, slot: IndexSlot): Walk {
  if (slot.walk) return slot.walk;
  const progress: WalkProgress = { indexed: 0, expected: null, startedAt: Date.now() };
  const journal: EntryChange[] = [];
  const walk: Walk = {
    progress,
    journal,
    promise: walkOrRefresh(slot.server, slot.trustDomain, slot.index, progress, journal).then(
      ([index, kind]) => {
        const walkMs = Date.now() - progress.startedAt;
        observeEntryIndexWalk(name, walkMs, index.size, index.agents.length);
        if (slots.get(name) === slot) {
          Object.assign(slot, {
            index,
            walk: null,
            walkMs,
            walks: slot.walks + 1,
            lastWalkKind: kind,
            failure: null,
            restoredFrom: null,
          });
          saveIndexSoon(name, index);
          if (slot.again) {
            slot.again = false;
            ensureWalk(name, slot).promise.catch(() => undefined);
          }
        }
        return index;
      },
      (error: unknown) => {
        if (slots.get(name) === slot) {
          Object.assign(slot, { walk: null, failedAt: Date.now(), failure: (error as Error).message ?? String(error) });
          slot.again = false;
        }
        throw error;
      },
    ),
  };
  slot.walk = walk;
  return walk;
}

const count = (n: number) => n.toLocaleString("en-US");

function progressError(name: string, progress: WalkProgress): ApiError {
  const about = progress.expected !== null ? ` of about ${count(progress.expected)}` : "";
  return new ApiError(
    "unavailable",
    `The entry index of ${name} is being built: ${count(progress.indexed)}${about} entries indexed so far. ` +
      "Try again in a moment.",
    undefined,
    { "Retry-After": "2" },
  );
}

/** Starts one background walk when the index is older than its freshness window; the index keeps serving. */
function refreshIfStale(slot: IndexSlot): void {
  const { server, index } = slot;
  if (!index) return;
  const freshMs = Math.max(server.indexRefreshSeconds * 1000, Math.min(MAX_FRESH_MS, 5 * slot.walkMs));
  const retryLater = slot.failure !== null && Date.now() - slot.failedAt < RETRY_MS;
  if (Date.now() - index.builtAt > freshMs && !slot.walk && !retryLater) {
    ensureWalk(server.name, slot).promise.catch((error: unknown) =>
      console.warn(`[index] refreshing the entry index of ${server.name} failed: ${(error as Error).message}`),
    );
  }
}

/**
 * The compact entry index of a server (all entries and agents, tree, counts, orphans, search).
 * With an index in hand the answer is immediate: an index older than 5× its walk (at most 5 min)
 * or than the server's `indexRefreshSeconds` (default 5), whichever is longer, starts one
 * background walk and is served meanwhile; changes made through the console patch it in place.
 * Without one (first use, or after `dropCachedIndex`) the caller waits up to 4 s for
 * the walk, then gets a 503 `unavailable` saying how many entries are indexed so far. Only one
 * walk per server runs at a time, with an overall deadline of 15 minutes.
 */
export async function readEntryIndex(server: ServerConfig, trustDomain: string): Promise<CompactEntryIndex> {
  const slot = slotFor(server, trustDomain);
  const { index } = slot;
  if (index) {
    refreshIfStale(slot);
    return index;
  }
  const walk = ensureWalk(server.name, slot);
  const restored = (slot.restoring ??= restoreSaved(server.name, slot));
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), FIRST_WAIT_MS);
  });
  try {
    const built = await Promise.race([
      walk.promise,
      // No saved index: only the walk or the wait can answer.
      restored.then((saved) => saved ?? new Promise<never>(() => undefined)),
      waited,
    ]).catch(async (error: unknown) => {
      // The walk failed: a saved copy, read meanwhile or still being read, serves (marked with its age).
      const saved = slot.index ?? (await restored.catch(() => null));
      if (saved) return saved;
      throw error;
    });
    if (built) return built;
    throw progressError(server.name, walk.progress);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads the server's saved index (a restarted console) and serves it while the first walk runs,
 * unless the walk finished first. Changes made meanwhile patch it like a walked one.
 */
async function restoreSaved(name: string, slot: IndexSlot): Promise<CompactEntryIndex | null> {
  const saved = await readSavedIndex(name, slot.trustDomain);
  if (!saved || slot.index || slots.get(name) !== slot) return null;
  for (const change of slot.walk?.journal ?? []) replayChange(saved.index, change);
  Object.assign(slot, { index: saved.index, restoredFrom: saved.savedAt });
  setEntryIndexSize(name, saved.index.size, saved.index.agents.length);
  return saved.index;
}

/**
 * Patches this replica's index of `server` with a change made through the console (no walk).
 * A walk in progress also gets it once it ends. Without an index there is nothing to patch.
 */
export function applyEntryChange(server: string, change: EntryChange): void {
  const slot = slots.get(server);
  if (!slot) return;
  slot.walk?.journal.push(change);
  if (!slot.index) return;
  slot.index.applyChange(change);
  setEntryIndexSize(server, slot.index.size, slot.index.agents.length);
}

/**
 * Asks for a new walk of `server` while the current index keeps serving (after a change whose
 * outcome is unknown, one made elsewhere, or the Refresh button). A running walk is not doubled:
 * it is followed by one more. A server never indexed here is left alone.
 */
export function requestIndexWalk(server: string): void {
  const slot = slots.get(server);
  if (!slot) return;
  if (slot.walk) {
    slot.again = true;
    return;
  }
  ensureWalk(server, slot).promise.catch((error: unknown) =>
    console.warn(`[index] walking the entries of ${server} failed: ${(error as Error).message}`),
  );
}

/** The walk of `server` running now (and the one queued after it, if any), to wait for; null when none runs. */
export async function awaitIndexWalks(server: string): Promise<void> {
  for (let slot = slots.get(server); slot?.walk; slot = slots.get(server)) {
    const { walk } = slot;
    await walk.promise;
    // A queued walk starts as this one settles; wait for that one too.
    if (slot.walk === walk) break;
  }
}

/** Reads the agents of `server` again into its index (after a ban or an eviction); entries are not walked. */
export async function refreshIndexAgents(server: string): Promise<void> {
  const slot = slots.get(server);
  if (!slot?.index) return;
  const agents = await listAllAgents(slot.server);
  slot.index.setAgents(agents, Date.now());
  setEntryIndexSize(server, slot.index.size, slot.index.agents.length);
}

/**
 * Forgets this replica's index of `server`: the next caller waits for a new walk (the clean-up's
 * dry run and apply, tests, config changes). The saved copy read back at start is forgotten too:
 * it would otherwise answer at once with what the server held when it was saved.
 */
export function dropCachedIndex(server: string): void {
  const slot = slots.get(server);
  if (slot) Object.assign(slot, { index: null, restoredFrom: null, restoring: Promise.resolve(null) });
}

/**
 * How many entries this replica's index of `server` holds (what the tree counts), when it has one
 * walked or patched here and not a saved copy read back at start; null otherwise. Like the tree, a
 * stale index starts its background walk and answers meanwhile. SPIRE's `CountEntries` reads every
 * entry (seconds at 100,000), so the Overview asks this first.
 */
export function indexedEntryCount(server: ServerConfig): number | null {
  const slot = slots.get(server.name);
  if (!slot?.index || slot.restoredFrom !== null || slot.server.address !== server.address) return null;
  refreshIfStale(slot);
  return slot.index.size;
}

/** This replica's index slot of a server, to read its state (never starts a walk). */
export const indexSlot = (server: string): Readonly<IndexSlot> | undefined => slots.get(server);
