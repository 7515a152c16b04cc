import { serialize } from "node:v8";

import { describe, expect, it } from "vitest";

import { buildCompact, compareTrees, now } from "@/test/support/compare-compact-index";
import { generateEntries } from "@/test/support/generate-entries";

import { decodeIndex, encodeIndex, encodeIndexParts } from "./saved-index";

describe("the saved entry index, written in parts", () => {
  it("comes back answering as the index did, from parts none of which is a large share of the whole", () => {
    const { trustDomain, agents, entries } = generateEntries(21, 5000);
    const index = buildCompact(trustDomain, entries, agents, 500);
    const parts = [...encodeIndexParts(index)];
    const total = parts.reduce((sum, part) => sum + part.length, 0);
    expect(parts.length).toBeGreaterThan(20);
    // The largest part is one column or the list pool, not the index.
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThan(total / 4);
    const restored = decodeIndex(Buffer.concat(parts), trustDomain, now);
    compareTrees(entries, agents, restored, trustDomain, { filters: false, search: true });
    expect(restored.save()).toEqual(index.save());
  });

  it("still reads a copy saved in one piece by an older console", () => {
    const { trustDomain, agents, entries } = generateEntries(22, 300);
    const index = buildCompact(trustDomain, entries, agents);
    const restored = decodeIndex(serialize(index.save()), trustDomain, now);
    expect(restored.save()).toEqual(index.save());
    expect(encodeIndex(restored).equals(encodeIndex(index))).toBe(true);
  });

  it("refuses a copy cut short", () => {
    const { trustDomain, agents, entries } = generateEntries(23, 300);
    const bytes = encodeIndex(buildCompact(trustDomain, entries, agents));
    expect(() => decodeIndex(bytes.subarray(0, bytes.length - 10), trustDomain, now)).toThrow(/ends early/);
  });
});
