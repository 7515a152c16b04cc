import "server-only";

import type { ServerConfig } from "@/lib/config/schema";
import { buildEntryIndex, type EntryIndex } from "@/lib/entries/build-index";

import { callUnary, walkPages } from "@/lib/spire/call";
import { toAgent, toEntry } from "@/lib/spire/mappers";
import type { PbAgent, PbEntry } from "@/lib/spire/proto-types";
import type { Agent, Entry } from "@/lib/spire/types";

/** An index younger than this is served as is (longer for servers whose walk takes long). */
const MIN_FRESH_MS = 5_000;
const MAX_FRESH_MS = 60_000;
/** On servers whose walk is slow, an older index (up to this age) is served while a new walk runs. */
const STALE_MS = 10 * 60_000;
const SLOW_WALK_MS = 1_000;
const PAGE_SIZE = 500;

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

/** Walks every entry of the server (pages of 500, like `spire-server entry show`). */
export async function listAllEntries(server: ServerConfig): Promise<Entry[]> {
  const all: Entry[] = [];
  const pages = walkPages((pageToken) =>
    callUnary<{ entries: PbEntry[]; nextPageToken: string }>(server, "entry", "listEntries", {
      pageSize: PAGE_SIZE,
      pageToken,
    }).then((r) => ({ items: r.entries, nextPageToken: r.nextPageToken })),
  );
  for await (const items of pages) for (const pb of items) all.push(toEntry(pb));
  return all;
}

/** Walks every attested agent of the server. */
export async function listAllAgents(server: ServerConfig): Promise<Agent[]> {
  const all: Agent[] = [];
  const pages = walkPages((pageToken) =>
    callUnary<{ agents: PbAgent[]; nextPageToken: string }>(server, "agent", "listAgents", {
      pageSize: PAGE_SIZE,
      pageToken,
    }).then((r) => ({ items: r.agents, nextPageToken: r.nextPageToken })),
  );
  for await (const items of pages) for (const pb of items) all.push(toAgent(pb));
  return all;
}

async function walk(server: ServerConfig, trustDomain: string): Promise<EntryIndex> {
  const [entries, agents] = await Promise.all([listAllEntries(server), listAllAgents(server)]);
  return buildEntryIndex({ trustDomain, entries, agents, now: Date.now() });
}

function startWalk(server: ServerConfig, trustDomain: string, slot: Slot): Promise<EntryIndex> {
  const generation = slot.generation;
  const started = Date.now();
  const pending = walk(server, trustDomain).then(
    (index) => {
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

/** Drops the cached index of `server` (call after any change to its entries or agents). */
export function invalidateEntryIndex(server: string): void {
  const slot = slots.get(server);
  if (slot) Object.assign(slot, { index: null, builtAt: 0, pending: null, generation: slot.generation + 1 });
}
