import { describe, expect, it } from "vitest";

import { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { entriesWhere } from "@/lib/entries/compact/read-entries";
import type { Entry } from "@/lib/spire/types";
import { findStale } from "@/test/support/reference-cleanup";

import { generateStaleEntries } from "../../test/support/stale-entries";
import { findDuplicateSlots } from "./find-duplicate-slots";
import { findDuplicates } from "./find-duplicates";
import { findStaleInIndex } from "./find-stale-in-index";
import { missingAgentParents } from "./missing-agent-parents";
import type { StaleOptions } from "./stale-report";

const now = Date.UTC(2030, 6, 1);

function buildIndex(seed: number, count: number) {
  const { trustDomain, agents, entries } = generateStaleEntries(seed, count);
  const index = new CompactEntryIndex(trustDomain, now, 8);
  for (let i = 0; i < entries.length; i += 97) index.addEntries(entries.slice(i, i + 97));
  index.setAgents(agents, now);
  index.seal();
  return { index, entries };
}

/** What the clean-up read before: every live entry of the index, built, in slot order. */
const everyEntry = (index: CompactEntryIndex) => entriesWhere(index, () => true);

function options(index: CompactEntryIndex, includeControllerOwned: boolean): StaleOptions {
  const [first] = missingAgentParents(index);
  return {
    server: "s",
    trustDomain: index.trustDomain,
    now,
    agentExpiredDays: 30,
    evicted: new Map(first ? [[first, { at: "2030-05-01T00:00:00.000Z", by: "Ada" }]] : []),
    ownership: (entry: Entry) => (entry.id.endsWith("7") ? ["owned"] : []),
    includeControllerOwned,
  };
}

function expectSameFindings(index: CompactEntryIndex) {
  for (const owned of [false, true]) {
    const given = options(index, owned);
    const reference = findStale({ ...given, entries: everyEntry(index), agents: index.agents });
    expect(findStaleInIndex(index, given)).toEqual(reference);
  }
}

describe("the clean-up over the index in place", () => {
  it("finds what findStale finds over every entry: same findings, reasons and order", () => {
    for (const seed of [1, 2, 3]) {
      const { index } = buildIndex(seed, 4000);
      const report = findStaleInIndex(index, options(index, true));
      // Every kind is exercised, several reasons on some entries.
      for (const kind of Object.keys(report.counts))
        expect(report.counts[kind as keyof typeof report.counts]).toBeGreaterThan(0);
      expect(report.findings.some((f) => f.reasons.length > 1)).toBe(true);
      expect(report.findings.some((f) => f.reasons[0]!.includes("loops"))).toBe(true);
      expectSameFindings(index);
    }
  });

  it("still agrees after creates, edits, moves and deletes patched in place", () => {
    const { index, entries } = buildIndex(4, 3000);
    index.derived();
    const live = everyEntry(index);
    const twin = { ...live[10]!, id: "twin", parentId: live[20]!.spiffeId, createdAt: null };
    const moved = { ...live[30]!, parentId: "spiffe://gen.test/spire/agent/join_token/moved" };
    const expired = { ...live[40]!, expiresAt: "2030-01-01T00:00:00.000Z" };
    index.applyChange({ upserts: [twin, moved, expired], deletes: [entries[5]!.id, entries[6]!.id, live[50]!.id] });
    expectSameFindings(index);
  });

  it("keeps the duplicates findDuplicates keeps, with the same kept entry", () => {
    const { index } = buildIndex(5, 4000);
    const reference = findDuplicates(everyEntry(index));
    expect(reference.length).toBeGreaterThan(50);
    const slots = findDuplicateSlots(index);
    const byId = new Map([...slots].map(([slot, keeps]) => [index.columns.idAt(slot), keeps.id]));
    expect(byId).toEqual(new Map(reference.map((d) => [d.entry.id, d.keeps.id])));
  });

  it("looks up the same missing agent parents, in the same order", () => {
    const { index } = buildIndex(6, 3000);
    const agentIds = new Set(index.agents.map((a) => a.spiffeId));
    const prefix = `spiffe://${index.trustDomain}/spire/agent/`;
    const reference = [
      ...new Set(
        everyEntry(index)
          .map((e) => e.parentId)
          .filter((p) => p.startsWith(prefix) && !agentIds.has(p)),
      ),
    ];
    expect(reference.length).toBeGreaterThan(3);
    expect(missingAgentParents(index)).toEqual(reference);
  });
});
