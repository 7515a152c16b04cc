import { describe, expect, it } from "vitest";

import { DenialFolder } from "./denial-fold";

describe("DenialFolder", () => {
  it("records the first denial of an address at once and folds its repeats into one summary with a count", () => {
    const folder = new DenialFolder<string>(60_000);
    expect(folder.note("10.0.0.1|entries.write", "r1", 0).recordNow).toBe(true);
    expect(
      [1_000, 2_000, 3_000].map((t, i) => folder.note("10.0.0.1|entries.write", `r${i + 2}`, t).recordNow),
    ).toEqual([false, false, false]);
    expect(folder.nextDue()).toBe(60_000);
    expect(folder.due(59_999)).toEqual([]);
    expect(folder.due(60_000)).toEqual([
      { key: "10.0.0.1|entries.write", count: 3, firstAt: 1_000, lastAt: 3_000, last: "r4" },
    ]);
    expect(folder.due(60_001)).toEqual([]);
    expect(folder.nextDue()).toBeNull();
  });

  it("keeps other addresses apart, and opens a fresh window after one closed (handing back the closed summary)", () => {
    const folder = new DenialFolder<string>(10_000);
    folder.note("a", "a1", 0);
    folder.note("a", "a2", 5_000);
    expect(folder.note("b", "b1", 5_000).recordNow).toBe(true);
    const later = folder.note("a", "a3", 12_000);
    expect(later).toEqual({
      recordNow: true,
      closed: [{ key: "a", count: 1, firstAt: 5_000, lastAt: 5_000, last: "a2" }],
    });
  });

  it("drops a closed window that had no repeats (its one record was written already)", () => {
    const folder = new DenialFolder<string>(1_000);
    folder.note("a", "a1", 0);
    expect(folder.due(5_000)).toEqual([]);
    expect(folder.note("a", "a2", 5_000).recordNow).toBe(true);
  });
});
