import "server-only";

import { ApiError } from "@/lib/api/api-error";
import type { ServerConfig } from "@/lib/config/schema";
import { listAllAgents } from "@/lib/spire/agents";
import { forEachEntryOfPage } from "@/lib/spire/decode-entry-page";
import { countEntries, streamEntryPageBytes } from "@/lib/spire/entries";
import type { Agent } from "@/lib/spire/types";

import { CompactEntryIndex, type EntryChange } from "./compact/compact-index";
import { IndexReconciler, type ReconcileCounts } from "./compact/reconcile";
import { indexInWorker, startWalkWorker, WalkWorkerError } from "./walk-in-worker";

/** How far a running walk has got: entries indexed so far, and how many SPIRE said there are. */
export type WalkProgress = { indexed: number; expected: number | null; startedAt: number };

type WalkPlan = {
  server: ServerConfig;
  trustDomain: string;
  capacity: number;
  agents: Agent[];
  progress: WalkProgress;
  check: () => void;
};

/**
 * The walk in the serving thread: each page's bytes decoded (by our own decoder: no protobufjs
 * objects) one entry at a time, each indexed as soon as it is read and then dropped.
 */
async function walkInThread(plan: WalkPlan): Promise<CompactEntryIndex> {
  const index = new CompactEntryIndex(plan.trustDomain, Date.now(), plan.capacity);
  for await (const bytes of streamEntryPageBytes(plan.server)) {
    plan.progress.indexed += forEachEntryOfPage(bytes, (entry) => index.addEntry(entry));
    plan.check();
  }
  index.setAgents(plan.agents, Date.now(), index.builtAt);
  index.seal();
  return index;
}

/** The walk with its pages decoded and indexed in a worker thread, whose heap ends with it. */
function walkInWorker(plan: WalkPlan): Promise<CompactEntryIndex> {
  let worker;
  try {
    worker = startWalkWorker({ trustDomain: plan.trustDomain, capacity: plan.capacity, now: Date.now() });
  } catch (error) {
    throw new WalkWorkerError(`the entry walk's worker thread did not start: ${String(error)}`);
  }
  return indexInWorker(
    worker,
    streamEntryPageBytes(plan.server),
    async () => ({ agents: plan.agents, now: Date.now() }),
    (count) => (plan.progress.indexed += count),
    plan.check,
  );
}

/** Throws `deadline_exceeded` once `deadline` (epoch ms) has passed. */
function deadlineCheck(server: ServerConfig, progress: WalkProgress, deadline: number): () => void {
  return () => {
    if (Date.now() <= deadline) return;
    throw new ApiError(
      "deadline_exceeded",
      `Indexing the entries of ${server.name} did not finish in time (${progress.indexed} read).`,
    );
  };
}

/**
 * Walks every entry and agent of a server into a new compact index, page by page as the pages
 * arrive (no array of all entries is ever held), updating `progress` after each page. With
 * `SPIRE_CONSOLE_INDEX_WORKER=on` the pages are decoded and indexed in a worker thread (in this
 * thread when the worker cannot run); by default here, which measured less memory (README). Fails
 * with `deadline_exceeded` when the walk is still running at `deadline` (epoch ms). `known`: the size of
 * the index this walk replaces, if any (the progress's expected total, without asking SPIRE).
 */
export async function walkEntryIndex(
  server: ServerConfig,
  trustDomain: string,
  progress: WalkProgress,
  deadline: number,
  known: number | null = null,
): Promise<CompactEntryIndex> {
  // A re-walk expects about as many entries as the index it replaces: SPIRE's CountEntries reads
  // every entry (seconds at 100,000), which a refresh every few minutes should not add.
  const [expected, agents] = await Promise.all([
    known ?? countEntries(server).catch(() => null),
    listAllAgents(server),
  ]);
  progress.expected = expected;
  const plan: WalkPlan = {
    server,
    trustDomain,
    capacity: Math.ceil((expected ?? 1000) * 1.02) + 64,
    agents,
    progress,
    check: deadlineCheck(server, progress, deadline),
  };
  let index: CompactEntryIndex;
  if (process.env.SPIRE_CONSOLE_INDEX_WORKER !== "on") index = await walkInThread(plan);
  else {
    try {
      index = await walkInWorker(plan);
    } catch (error) {
      if (!(error instanceof WalkWorkerError)) throw error;
      console.error(`[entry-index] ${error.message}; walking ${server.name} in the serving thread`);
      progress.indexed = 0;
      index = await walkInThread(plan);
    }
  }
  index.derived();
  index.searchIndex();
  index.builtAt = Date.now();
  return index;
}

/**
 * A refresh walk that brings the serving `index` up to date in place (see `IndexReconciler`)
 * instead of building a second index beside it: memory stays that of one index. `journal`: the
 * changes made through the console while it runs (already in the index; an older read must not
 * undo them). Returns the same index, with the walk's counts.
 */
export async function refreshIndexInPlace(
  server: ServerConfig,
  index: CompactEntryIndex,
  progress: WalkProgress,
  deadline: number,
  journal: readonly EntryChange[],
): Promise<{ index: CompactEntryIndex; counts: ReconcileCounts }> {
  progress.expected = index.size;
  const check = deadlineCheck(server, progress, deadline);
  const agents = listAllAgents(server);
  // Not left unhandled while the pages are read; awaited (and thrown) below.
  agents.catch(() => undefined);
  const reconciler = new IndexReconciler(index);
  for await (const bytes of streamEntryPageBytes(server)) {
    // Entry by entry as decoded, as a full walk indexes them: no page of entry objects is held.
    const deleted = new Set(journal.flatMap((change) => change.deletes));
    progress.indexed += forEachEntryOfPage(bytes, (entry) => reconciler.see(entry, deleted));
    reconciler.flush();
    check();
  }
  const counts = reconciler.finish(new Set(journal.flatMap((change) => change.upserts.map((entry) => entry.id))));
  index.setAgents(await agents, Date.now());
  index.builtAt = Date.now();
  // As after a full walk, "changes since the walk" are those made while it ran.
  index.version = journal.length;
  return { index, counts };
}
