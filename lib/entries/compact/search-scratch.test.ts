import { describe, expect, it } from "vitest";

import { SearchScratch } from "./search-scratch";

describe("SearchScratch", () => {
  it("hands out zeroed bytes again after a reset, and distinct arrays within one query", () => {
    const scratch = new SearchScratch();
    const first = scratch.zeroedBytes(10);
    first.fill(7);
    const second = scratch.zeroedBytes(10);
    expect(second.buffer).not.toBe(first.buffer);
    expect([...second]).toEqual(Array(10).fill(0));
    scratch.reset();
    const again = scratch.zeroedBytes(10);
    expect(again.buffer).toBe(first.buffer);
    expect([...again]).toEqual(Array(10).fill(0));
  });

  it("gives arrays of the size asked, making a larger one when the kept one is too small", () => {
    const scratch = new SearchScratch();
    const small = scratch.ints(4);
    scratch.reset();
    expect(scratch.ints(3).buffer).toBe(small.buffer);
    scratch.reset();
    const large = scratch.ints(100_000);
    expect(large.length).toBe(100_000);
    expect(large.buffer).not.toBe(small.buffer);
  });

  it("does not keep arrays over 4 MiB: a query matching nearly everything makes its own", () => {
    const scratch = new SearchScratch();
    const huge = scratch.ints(2_000_000);
    expect(huge.length).toBe(2_000_000);
    scratch.reset();
    expect(scratch.ints(2_000_000).buffer).not.toBe(huge.buffer);
    scratch.reset();
    expect(scratch.ints(10).buffer).not.toBe(huge.buffer);
  });

  it("keeps the arrays of two terms; a longer query's further terms get arrays of their own", () => {
    const scratch = new SearchScratch();
    const taken = Array.from({ length: 8 }, () => scratch.zeroedBytes(16));
    for (const array of taken) array.fill(1);
    scratch.reset();
    const again = Array.from({ length: 8 }, () => scratch.zeroedBytes(16));
    expect(again.slice(0, 6).map((a, k) => a.buffer === taken[k]!.buffer)).toEqual(Array(6).fill(true));
    expect(again.slice(6).map((a, k) => a.buffer === taken[6 + k]!.buffer)).toEqual([false, false]);
    for (const array of again) expect([...array]).toEqual(Array(16).fill(0));
  });
});
