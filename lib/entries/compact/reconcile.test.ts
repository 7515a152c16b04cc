import { describe, expect, it } from "vitest";

import type { Entry } from "@/lib/spire/types";
import { buildCompact, compareTrees } from "@/test/support/compare-compact-index";
import { generateEntries, makeRandom } from "@/test/support/generate-entries";

import type { CompactEntryIndex } from "./compact-index";
import { garbageShare, IndexReconciler } from "./reconcile";

/** What SPIRE holds after others changed it: some entries deleted, edited (moved too), created, created again. */
function changedInSpire(seed: number, before: readonly Entry[]): Entry[] {
  const random = makeRandom(seed);
  const after: Entry[] = [];
  before.forEach((entry, i) => {
    const roll = random();
    if (roll < 0.1) return;
    if (roll < 0.2) {
      const parent = before[Math.floor(random() * before.length)]!;
      after.push({
        ...entry,
        parentId: parent.spiffeId,
        hint: `edited-${i}`,
        revisionNumber: entry.revisionNumber + 1,
      });
    } else if (roll < 0.23) {
      // Deleted and created again under the same ID: revision 0 again, another creation time.
      after.push({
        ...entry,
        spiffeId: `${entry.spiffeId}/again`,
        revisionNumber: 0,
        createdAt: "2026-02-02T00:00:00.000Z",
      });
    } else after.push(entry);
    if (random() < 0.08)
      after.push({ ...entry, id: `created-${i}`, spiffeId: `${entry.spiffeId}/new-${i}`, parentId: entry.spiffeId });
  });
  return after;
}

/** `walked` in the reconciled index's slot order (SPIRE's content; only the order is the index's). */
function inSlotOrder(index: CompactEntryIndex, walked: readonly Entry[]): Entry[] {
  const byId = new Map(walked.map((entry) => [entry.id, entry]));
  const ordered: Entry[] = [];
  for (const slot of index.liveSlots()) ordered.push(byId.get(index.columns.idAt(slot))!);
  return ordered;
}

function reconcile(index: CompactEntryIndex, walked: readonly Entry[], pageSize = 41) {
  const reconciler = new IndexReconciler(index);
  for (let i = 0; i < walked.length; i += pageSize) reconciler.page(walked.slice(i, i + pageSize), new Set());
  return reconciler.finish(new Set());
}

describe("IndexReconciler: a refresh walk patched into the serving index", () => {
  it.each([1, 2, 3])("answers as an index built from the new walk (seed %i)", (seed) => {
    const { trustDomain, agents, entries } = generateEntries(seed, 500);
    const index = buildCompact(trustDomain, entries, agents);
    index.derived();
    index.searchIndex();
    const walked = changedInSpire(seed + 10, entries);
    const counts = reconcile(index, walked);
    expect(index.size).toBe(walked.length);
    for (const entry of walked) expect(index.columns.entryAt(index.columns.slotOf(entry.id))).toEqual(entry);
    compareTrees(inSlotOrder(index, walked), agents, index, trustDomain);
    const removed = entries.filter((e) => !walked.some((w) => w.id === e.id)).length;
    const added = walked.filter((w) => !entries.some((e) => e.id === w.id)).length;
    expect(counts.removed).toBe(removed);
    expect(counts.added).toBe(added);
    expect(counts.unchanged + counts.patched + counts.added).toBe(walked.length);
    expect(counts.patched).toBeGreaterThan(0);
  });

  it("changes nothing when SPIRE holds what the index holds", () => {
    const { trustDomain, agents, entries } = generateEntries(4, 300);
    const index = buildCompact(trustDomain, entries, agents);
    const version = index.version;
    expect(reconcile(index, entries)).toEqual({ unchanged: 300, patched: 0, added: 0, removed: 0 });
    expect(index.version).toBe(version);
    expect(garbageShare(index.columns)).toBe(0);
  });

  it("keeps the console's own changes made while the walk ran", () => {
    const { trustDomain, agents, entries } = generateEntries(6, 200);
    const index = buildCompact(trustDomain, entries, agents);
    const reconciler = new IndexReconciler(index);
    const [deleted, edited, created] = [entries[10]!, entries[20]!, { ...entries[30]!, id: "console-new" }];
    const newer = { ...edited, hint: "console edit", revisionNumber: edited.revisionNumber + 5 };
    // The console deletes one entry and edits another before the walk reads them (older reads).
    index.applyChange({ upserts: [newer], deletes: [deleted.id] });
    reconciler.page(entries.slice(0, 100), new Set([deleted.id]));
    // It creates one the walk never reads (SPIRE paged past it) and edits one the walk already passed.
    const late = { ...entries[5]!, hint: "late edit", revisionNumber: entries[5]!.revisionNumber + 1 };
    // And one deleted in SPIRE by someone else, then created again through the console under its ID
    // after the walk had paged past it: the walk never reads it, the index holds the console's copy.
    const again = { ...entries[150]!, hint: "created again", revisionNumber: 0, createdAt: "2026-03-03T00:00:00.000Z" };
    index.applyChange({ upserts: [created, late, again], deletes: [] });
    reconciler.page(
      entries.slice(100).filter((e) => e.id !== again.id),
      new Set([deleted.id]),
    );
    reconciler.finish(new Set([newer.id, created.id, late.id, again.id]));
    expect(index.columns.slotOf(deleted.id)).toBe(-1);
    expect(index.columns.entryAt(index.columns.slotOf(edited.id)).hint).toBe("console edit");
    expect(index.columns.entryAt(index.columns.slotOf(late.id)).hint).toBe("late edit");
    expect(index.columns.slotOf(created.id)).toBeGreaterThanOrEqual(0);
    expect(index.columns.entryAt(index.columns.slotOf(again.id)).hint).toBe("created again");
    expect(index.size).toBe(entries.length);
  });

  it("counts dead slots and rewritten lists as garbage", () => {
    const { trustDomain, agents, entries } = generateEntries(8, 100);
    const index = buildCompact(trustDomain, entries, agents);
    index.applyChange({ upserts: [], deletes: entries.slice(0, 30).map((e) => e.id) });
    expect(garbageShare(index.columns)).toBeCloseTo(0.3, 5);
    const rewritten = buildCompact(trustDomain, entries, agents);
    rewritten.applyChange({ upserts: entries.map((e) => ({ ...e, revisionNumber: 9 })), deletes: [] });
    // Every entry's list was written again at the end: half the cells are left behind.
    expect(garbageShare(rewritten.columns)).toBeCloseTo(0.5, 5);
  });
});
