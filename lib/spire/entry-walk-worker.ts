// The entry walk's worker thread: decodes the ListEntries pages the serving thread passes in
// (protobuf bytes) and builds the compact index from them, so the decoding's garbage lives and dies
// in this thread's heap. On `finish` it seals the index (child lists, derived tree, search index)
// and hands it back whole, its typed arrays transferred, not copied; then the thread ends.
import { parentPort, workerData } from "node:worker_threads";

import { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { handoverBuffers, handOverIndex, type IndexHandover } from "@/lib/entries/compact/index-handover";

import { forEachEntryOfPage } from "./decode-entry-page";
import type { Agent } from "./types";

/** What the serving thread sends: a page's bytes, or the end of the walk with the agents. */
export type WalkWorkerRequest = { type: "page"; bytes: Uint8Array } | { type: "finish"; agents: Agent[]; now: number };

/** What the worker answers: entries indexed from one page, the finished index, or why it failed. */
export type WalkWorkerReply =
  { type: "indexed"; count: number } | { type: "done"; handover: IndexHandover } | { type: "failed"; message: string };

/** Options of the walk, given as the worker's `workerData`. */
export type WalkWorkerData = { trustDomain: string; capacity: number; now: number };

const port = parentPort;
if (port) {
  const { trustDomain, capacity, now } = workerData as WalkWorkerData;
  const index = new CompactEntryIndex(trustDomain, now, capacity);
  const reply = (message: WalkWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  port.on("message", (request: WalkWorkerRequest) => {
    try {
      if (request.type === "page") {
        const count = forEachEntryOfPage(request.bytes, (entry) => index.addEntry(entry));
        reply({ type: "indexed", count });
        return;
      }
      index.setAgents(request.agents, request.now, now);
      index.seal();
      index.derived();
      index.searchIndex();
      const handover = handOverIndex(index);
      reply({ type: "done", handover }, handoverBuffers(handover));
      port.close();
    } catch (error) {
      reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
      port.close();
    }
  });
}
