import { describe, expect, it } from "vitest";

import { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { entriesWhere } from "@/lib/entries/compact/read-entries";
import type { Entry } from "@/lib/spire/types";

import { generateEntries, makeRandom } from "../../test/support/generate-entries";
import type { CleanupTarget } from "./cleanup-types";
import { orphanedChildrenInIndex } from "./orphaned-children-in-index";

/** The blast radius as the clean-up computed it over every entry before it read the index in place. */
function orphanedChildrenOfEvery(removed: readonly CleanupTarget[], entries: readonly Entry[]) {
  const removedEntries = new Set(removed.filter((t) => t.type === "entry").map((t) => t.id));
  const removedAgents = new Set(removed.filter((t) => t.type === "agent").map((t) => t.id));
  const remainingIds = new Set(entries.filter((e) => !removedEntries.has(e.id)).map((e) => e.spiffeId));
  const lostParents = new Set([
    ...entries.filter((e) => removedEntries.has(e.id) && !remainingIds.has(e.spiffeId)).map((e) => e.spiffeId),
    ...removedAgents,
  ]);
  return entries
    .filter((e) => !removedEntries.has(e.id) && lostParents.has(e.parentId))
    .map((e) => ({ id: e.id, spiffeId: e.spiffeId, parentId: e.parentId }));
}

describe("the clean-up's orphaned children read from the index", () => {
  it("are the children every entry gave, for removed entries (shared SPIFFE IDs too) and agents", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const { trustDomain, agents, entries } = generateEntries(21, 3000, 6);
    const index = new CompactEntryIndex(trustDomain, now, 8);
    index.addEntries(entries);
    index.setAgents(agents, now);
    index.seal();
    index.applyChange({ upserts: [{ ...entries[100]!, id: "late", parentId: entries[3]!.spiffeId }], deletes: [] });
    const all = entriesWhere(index, () => true);
    const random = makeRandom(21);
    let orphaned = 0;
    for (let round = 0; round < 20; round++) {
      const removed: CleanupTarget[] = Array.from({ length: 1 + round * 3 }, () => ({
        type: "entry" as const,
        id: all[Math.floor(random() * all.length)]!.id,
      }));
      if (round % 4 === 0) removed.push({ type: "agent", id: agents[round % agents.length]!.spiffeId });
      if (round === 1) removed.push({ type: "entry", id: "gone-already" }, { type: "agent", id: "spiffe://x/none" });
      const reference = orphanedChildrenOfEvery(removed, all);
      orphaned += reference.length;
      expect(orphanedChildrenInIndex(removed, index)).toEqual(reference);
    }
    expect(orphaned).toBeGreaterThan(100);
  });
});
