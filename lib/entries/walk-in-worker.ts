import "server-only";

import { Worker } from "node:worker_threads";

import type { Agent } from "@/lib/spire/types";

import type { WalkWorkerData, WalkWorkerReply } from "../spire/entry-walk-worker";
import type { CompactEntryIndex } from "./compact/compact-index";
import { adoptIndex } from "./compact/index-handover";

/** Pages handed to the worker and not yet indexed, at most: the walk waits for the worker beyond this. */
const MAX_QUEUED_PAGES = 2;

/** The worker thread failed (not SPIRE): the caller may walk in its own thread instead. */
export class WalkWorkerError extends Error {}

/**
 * Starts the walk's worker thread. `execArgv` is for tests that run the TypeScript source under
 * Node; in the built console the bundler points this path at the worker's own bundle.
 */
export function startWalkWorker(data: WalkWorkerData, execArgv?: string[]): Worker {
  // A path from the project root, as Turbopack bundles a worker's entry (and Node resolves it from the cwd).
  return new Worker("./lib/spire/entry-walk-worker.ts", { workerData: data, execArgv });
}

/** The worker's replies in order, awaited one at a time; a crash or early exit rejects. */
function replies(worker: Worker): () => Promise<WalkWorkerReply> {
  const queue: WalkWorkerReply[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const ping = () => {
    wake?.();
    wake = null;
  };
  worker.on("message", (reply: WalkWorkerReply) => {
    queue.push(reply);
    ping();
  });
  worker.on("error", (error) => {
    failure ??= new WalkWorkerError(`the entry walk's worker thread failed: ${error.message}`);
    ping();
  });
  worker.on("exit", (code) => {
    failure ??= new WalkWorkerError(`the entry walk's worker thread exited (code ${code})`);
    ping();
  });
  return async () => {
    while (queue.length === 0) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return queue.shift()!;
  };
}

/**
 * Builds an index in `worker` from ListEntries pages (protobuf bytes): each page is copied into
 * the worker and decoded there, `indexed(count)` reports each page done, and at the end the
 * worker hands the index back with its arrays transferred. `check()` runs after each page (it
 * throws to abandon the walk). The worker is ended in every case.
 */
export async function indexInWorker(
  worker: Worker,
  pages: AsyncIterable<Uint8Array>,
  finish: () => Promise<{ agents: Agent[]; now: number }>,
  indexed: (count: number) => void,
  check: () => void = () => undefined,
): Promise<CompactEntryIndex> {
  const next = replies(worker);
  let queued = 0;
  const settle = async () => {
    const reply = await next();
    if (reply.type === "failed") throw new WalkWorkerError(`indexing in the worker thread failed: ${reply.message}`);
    if (reply.type !== "indexed") throw new WalkWorkerError(`the worker thread answered ${reply.type} too early`);
    queued -= 1;
    indexed(reply.count);
  };
  try {
    for await (const bytes of pages) {
      const copy = new Uint8Array(bytes);
      worker.postMessage({ type: "page", bytes: copy }, [copy.buffer]);
      queued += 1;
      while (queued >= MAX_QUEUED_PAGES) await settle();
      check();
    }
    while (queued > 0) await settle();
    const { agents, now } = await finish();
    worker.postMessage({ type: "finish", agents, now });
    const reply = await next();
    if (reply.type !== "done") throw new WalkWorkerError(`the worker thread answered ${reply.type}, not the index`);
    return adoptIndex(reply.handover, now);
  } finally {
    void worker.terminate();
  }
}
