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
});
