import { describe, expect, it } from "vitest";

import { buildCompact, compareTrees, now } from "@/test/support/compare-compact-index";

import { generateEntries, makeRandom } from "../../../test/support/generate-entries";
import { decodeIndex, encodeIndex } from "./saved-index";

describe("CompactEntryIndex against the reference index", () => {
  it.each([1, 2, 3])("builds the same tree, counts, orphans, chains and search results (seed %i)", (seed) => {
    const { trustDomain, agents, entries } = generateEntries(seed, 600);
    compareTrees(entries, agents, buildCompact(trustDomain, entries, agents), trustDomain);
  });

  it("stays equal after creates, parent-changing edits and deletes of parents with children", () => {
    const { trustDomain, agents, entries: initial } = generateEntries(7, 500);
    const compact = buildCompact(trustDomain, initial, agents);
    const random = makeRandom(99);
    let entries = [...initial];
    for (let step = 0; step < 60; step++) {
      const roll = random();
      if (roll < 0.35) {
        const parent = entries[Math.floor(random() * entries.length)]!;
        const created = {
          ...parent,
          id: `new-${step}`,
          spiffeId: `${parent.spiffeId}/child-${step}`,
          parentId: parent.spiffeId,
        };
        entries.push(created);
        compact.applyChange({ upserts: [created], deletes: [] });
      } else if (roll < 0.7) {
        const at = Math.floor(random() * entries.length);
        const other = entries[Math.floor(random() * entries.length)]!;
        const edited = { ...entries[at]!, parentId: other.spiffeId, hint: `moved-${step}`, revisionNumber: 9 };
        entries[at] = edited;
        compact.applyChange({ upserts: [edited], deletes: [] });
      } else {
        // Delete a parent that has children (their parent goes missing unless another entry shares the ID).
        const withChildren = entries.filter((e) => entries.some((c) => c.parentId === e.spiffeId));
        const victim = withChildren[Math.floor(random() * withChildren.length)] ?? entries[0]!;
        entries = entries.filter((e) => e.id !== victim.id);
        compact.applyChange({ upserts: [], deletes: [victim.id] });
      }
      if (step % 15 === 14) compareTrees(entries, agents, compact, trustDomain);
    }
    compareTrees(entries, agents, compact, trustDomain);
  });

  it("patches leaves in place (no recomputation) and matches a rebuild after every step", () => {
    const { trustDomain, agents, entries: initial } = generateEntries(11, 250);
    const compact = buildCompact(trustDomain, initial, agents);
    compact.derived();
    const random = makeRandom(5);
    let entries = [...initial];
    const leaves = () => entries.filter((e) => !entries.some((c) => c.parentId === e.spiffeId));
    for (let step = 0; step < 40; step++) {
      const roll = random();
      const parent = entries[Math.floor(random() * entries.length)]!;
      if (roll < 0.4) {
        const created = {
          ...parent,
          id: `leaf-${step}`,
          spiffeId: `${parent.spiffeId}/leaf-${step}`,
          parentId: parent.spiffeId,
        };
        entries.push(created);
        compact.applyChange({ upserts: [created], deletes: [] });
      } else if (roll < 0.7) {
        const leaf = leaves()[Math.floor(random() * leaves().length)]!;
        const moved = { ...leaf, parentId: parent.spiffeId === leaf.spiffeId ? trustDomain : parent.spiffeId };
        entries = entries.map((e) => (e.id === leaf.id ? moved : e));
        compact.applyChange({ upserts: [moved], deletes: [] });
      } else {
        const leaf = leaves()[Math.floor(random() * leaves().length)]!;
        entries = entries.filter((e) => e.id !== leaf.id);
        compact.applyChange({ upserts: [], deletes: [leaf.id] });
      }
      compact.derived();
      compareTrees(entries, agents, compact, trustDomain, { filters: false, search: false });
    }
    expect(compact.stats.leafPatches).toBeGreaterThan(30);
  });

  it("returns every field of an entry as it was given", () => {
    const { trustDomain, agents, entries } = generateEntries(5, 200);
    const compact = buildCompact(trustDomain, entries, agents);
    for (const entry of entries) expect(compact.columns.entryAt(compact.columns.slotOf(entry.id))).toEqual(entry);
  });

  it("is saved and restored with the same answers, and keeps taking patches afterwards", () => {
    const { trustDomain, agents, entries: initial } = generateEntries(13, 400);
    const compact = buildCompact(trustDomain, initial, agents);
    // Deletes leave dead slots and an edit re-parents: the saved copy must carry both.
    const victims = initial.slice(0, 25).map((e) => e.id);
    const moved = { ...initial[30]!, parentId: initial[31]!.spiffeId, revisionNumber: 4 };
    compact.applyChange({ upserts: [moved], deletes: victims });
    let entries = initial.filter((e) => !victims.includes(e.id)).map((e) => (e.id === moved.id ? moved : e));
    compact.setAgents(agents, now + 5_000, now - 60_000);
    const restored = decodeIndex(encodeIndex(compact), trustDomain, now + 3_600_000);
    expect(restored.builtAt).toBe(compact.builtAt);
    // The agents' time left is judged when they were read, not when the copy is restored.
    expect(restored.agentsReadAt).toBe(now - 60_000);
    expect(restored.version).toBe(compact.version);
    expect(restored.columns.slotOf(victims[0]!)).toBe(-1);
    compareTrees(entries, agents, restored, trustDomain);
    const created = {
      ...entries[5]!,
      id: "after-restore",
      spiffeId: `${entries[5]!.spiffeId}/new`,
      parentId: entries[5]!.spiffeId,
    };
    restored.applyChange({ upserts: [created], deletes: [entries[6]!.id] });
    entries = [...entries.filter((e) => e.id !== entries[6]!.id), created];
    compareTrees(entries, agents, restored, trustDomain);
  });

  it("refuses a saved index of another trust domain or of unreadable bytes", () => {
    const { trustDomain, agents, entries } = generateEntries(3, 50);
    const bytes = encodeIndex(buildCompact(trustDomain, entries, agents));
    expect(() => decodeIndex(bytes, "other.test", now)).toThrow(/not other\.test/);
    expect(() => decodeIndex(new Uint8Array([1, 2, 3]), trustDomain, now)).toThrow();
  });
});
