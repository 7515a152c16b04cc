import "server-only";

import type { ServerConfig } from "@/lib/config/schema";
import { buildEntryIndex, type EntryIndex } from "@/lib/entries/build-index";
import { observeEntryIndexWalk } from "@/lib/metrics/record";
import { listAllAgents } from "@/lib/spire/agents";
import { listAllEntries } from "@/lib/spire/entries";

/** An index younger than this is served as is (longer for servers whose walk takes long). */
const MIN_FRESH_MS = 5_000;
const MAX_FRESH_MS = 60_000;
/** On servers whose walk is slow, an older index (up to this age) is served while a new walk runs. */
const STALE_MS = 10 * 60_000;
const SLOW_WALK_MS = 1_000;

type Slot = {
  key: string;
  index: EntryIndex | null;
  builtAt: number;
  walkMs: number;
  pending: Promise<EntryIndex> | null;
  generation: number;
};

// On globalThis so every route bundle of the Next server shares one cache.
const globalForIndex = globalThis as typeof globalThis & { __spireEntryIndex?: Map<string, Slot> };
const slots = (globalForIndex.__spireEntryIndex ??= new Map());

async function walk(server: ServerConfig, trustDomain: string): Promise<EntryIndex> {
  const [entries, agents] = await Promise.all([listAllEntries(server), listAllAgents(server)]);
  return buildEntryIndex({ trustDomain, entries, agents, now: Date.now() });
}

function startWalk(server: ServerConfig, trustDomain: string, slot: Slot): Promise<EntryIndex> {
  const generation = slot.generation;
  const started = Date.now();
  const pending = walk(server, trustDomain).then(
    (index) => {
      observeEntryIndexWalk(server.name, Date.now() - started, index.entries.length, index.agents.length);
      if (slot.generation === generation)
        Object.assign(slot, { index, builtAt: Date.now(), walkMs: Date.now() - started, pending: null });
      return index;
    },
    (error: unknown) => {
      if (slot.generation === generation) slot.pending = null;
      throw error;
    },
  );
  slot.pending = pending;
  return pending;
}

/**
 * The server's entry index (all entries, all agents, tree, coverage, orphans). Cached per
 * server: fresh for 5 s, or 3× the last walk's duration on big servers (at most 60 s). Older,
 * a quick server is walked again before answering; a server whose walk takes over 1 s gets its
 * old index (up to 10 min old) while one background walk refreshes it. Concurrent callers
 * share one walk (single flight). After `invalidateEntryIndex` the next caller waits for a new
 * walk. `trustDomain` is the server's, for the tree root.
 */
export async function getEntryIndex(server: ServerConfig, trustDomain: string): Promise<EntryIndex> {
  const key = `${server.address}|${trustDomain}`;
  let slot = slots.get(server.name);
  if (!slot || slot.key !== key) {
    slot = { key, index: null, builtAt: 0, walkMs: 0, pending: null, generation: 0 };
    slots.set(server.name, slot);
  }
  const age = Date.now() - slot.builtAt;
  const freshMs = Math.min(MAX_FRESH_MS, Math.max(MIN_FRESH_MS, 3 * slot.walkMs));
  if (slot.index && age < freshMs) return slot.index;
  const pending = slot.pending ?? startWalk(server, trustDomain, slot);
  if (slot.index && slot.walkMs >= SLOW_WALK_MS && age < STALE_MS) {
    pending.catch(() => undefined);
    return slot.index;
  }
  return pending;
}

/** Drops this replica's cached index of `server` (use invalidateEntryIndex after a change: it tells the others). */
export function dropCachedIndex(server: string): void {
  const slot = slots.get(server);
  if (slot) Object.assign(slot, { index: null, builtAt: 0, pending: null, generation: slot.generation + 1 });
}
