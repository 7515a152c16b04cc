import { pathToFileURL } from "node:url";

import { describe, expect, it } from "vitest";

import { toEntry } from "@/lib/spire/mappers";
import type { PbEntry } from "@/lib/spire/proto-types";
import type { Entry } from "@/lib/spire/types";

import { generateEntries } from "../../test/support/generate-entries";
import { decodeListEntries, listEntriesBytes, toPbEntry } from "../../test/support/list-entries-bytes";
import { CompactEntryIndex } from "./compact/compact-index";
import { compactRootNodes, makeCompactTreeView, pageCompactChildren } from "./compact/compact-tree";
import { decodeIndex, encodeIndex } from "./compact/saved-index";
import { searchCompactEntries } from "./compact/search-compact";
import { indexInWorker, startWalkWorker, WalkWorkerError } from "./walk-in-worker";

/** Runs the worker's TypeScript source under Node, as `npm run bench` runs lib/ code. */
const execArgv = ["--conditions=react-server", "--import", pathToFileURL("scripts/lib/resolve-lib.mjs").href];
const now = Date.parse("2026-01-01T00:00:00Z");

/** ListEntries answers of `size` entries each, as SPIRE sends them. */
function pagesOf(entries: readonly Entry[], size: number): Uint8Array[] {
  const pages: Uint8Array[] = [];
  for (let i = 0; i < entries.length; i += size)
    pages.push(
      listEntriesBytes(
        entries.slice(i, i + size).map((e) => toPbEntry(e)),
        "t",
      ),
    );
  return pages;
}

async function* stream(pages: readonly Uint8Array[]) {
  for (const page of pages) yield page;
}

describe("the entry walk in a worker thread", () => {
  it("hands back the index the serving thread would have built from the same pages", { timeout: 60_000 }, async () => {
    const { trustDomain, agents, entries } = generateEntries(12, 2500);
    const pages = pagesOf(entries, 400);
    const counts: number[] = [];
    const worker = startWalkWorker({ trustDomain, capacity: 64, now }, execArgv);
    const fromWorker = await indexInWorker(
      worker,
      stream(pages),
      async () => ({ agents, now }),
      (count) => counts.push(count),
    );
    const inThread = new CompactEntryIndex(trustDomain, now, 64);
    for (const page of pages) inThread.addEntries((decodeListEntries(page).entries as PbEntry[]).map(toEntry));
    inThread.setAgents(agents, now);
    inThread.seal();
    expect(counts).toEqual(pages.map((_, i) => Math.min(400, entries.length - i * 400)));
    expect(fromWorker.save()).toEqual(inThread.save());
    // The adopted index is saved and read back like any other (a restarted console serves it).
    expect(decodeIndex(encodeIndex(fromWorker), trustDomain, now).save()).toEqual(inThread.save());
    expect(compactRootNodes(makeCompactTreeView(fromWorker, {}))).toEqual(
      compactRootNodes(makeCompactTreeView(inThread, {})),
    );
    const server = `spiffe://${trustDomain}/spire/server`;
    expect(pageCompactChildren(makeCompactTreeView(fromWorker, {}), server, 0, 50)).toEqual(
      pageCompactChildren(makeCompactTreeView(inThread, {}), server, 0, 50),
    );
    // Both keep taking patches the same way (the adopted child lists, derived tree and search index).
    const created = { ...entries[10]!, id: "after-walk", spiffeId: `${entries[10]!.spiffeId}/new-child` };
    const change = { upserts: [created], deletes: [entries[20]!.id, entries[0]!.id] };
    fromWorker.applyChange(change);
    inThread.applyChange(change);
    expect(fromWorker.derived()).toEqual(inThread.derived());
    for (const q of ["billing", "uid:12", "node-1 ca:fleet", "new-child"])
      expect(searchCompactEntries(fromWorker, q, { offset: 0, limit: 20 })).toEqual(
        searchCompactEntries(inThread, q, { offset: 0, limit: 20 }),
      );
  });

  it("fails with a worker error when a page is not a ListEntries answer", { timeout: 60_000 }, async () => {
    const worker = startWalkWorker({ trustDomain: "gen.test", capacity: 8, now }, execArgv);
    const garbage = new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f, 1, 2]);
    await expect(
      indexInWorker(
        worker,
        stream([garbage, garbage]),
        async () => ({ agents: [], now }),
        () => undefined,
      ),
    ).rejects.toBeInstanceOf(WalkWorkerError);
  });
});
