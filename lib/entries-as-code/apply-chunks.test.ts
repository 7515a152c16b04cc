import { describe, expect, it } from "vitest";

import { APPLY_CHUNK_ROWS, chunksOf } from "./apply-chunks";

describe("chunksOf", () => {
  it("cuts a 10,000-row apply into calls of at most APPLY_CHUNK_ROWS, every row once, in order", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => i);
    const chunks = chunksOf(rows);
    expect(chunks).toHaveLength(Math.ceil(10_000 / APPLY_CHUNK_ROWS));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(APPLY_CHUNK_ROWS);
    expect(chunks.flat()).toEqual(rows);
  });

  it("keeps a short last chunk and gives no chunk for no rows", () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 2)).toEqual([]);
  });

  it("stays far below SPIRE's batch limit, so one call fits the server's deadline", () => {
    expect(APPLY_CHUNK_ROWS).toBeLessThanOrEqual(100);
  });

  it("refuses a chunk size that would loop forever", () => {
    expect(() => chunksOf([1], 0)).toThrow(RangeError);
  });
});
