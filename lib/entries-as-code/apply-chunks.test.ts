import { describe, expect, it } from "vitest";

import { APPLY_CALLS_IN_FLIGHT, APPLY_CHUNK_ROWS, chunksOf, mapChunksInOrder } from "./apply-chunks";

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

describe("mapChunksInOrder", () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("answers in the chunks' order although later calls finish first, never more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const chunks = [30, 5, 20, 1, 10, 2, 15];
    const answers = await mapChunksInOrder(
      chunks,
      async (ms) => {
        running += 1;
        most = Math.max(most, running);
        await wait(ms);
        running -= 1;
        return `done ${ms}`;
      },
      3,
    );
    expect(answers).toEqual(chunks.map((ms) => `done ${ms}`));
    expect(most).toBe(3);
  });

  it("calls every chunk exactly once, with the default limit", async () => {
    const seen: number[] = [];
    const chunks = Array.from({ length: 25 }, (_, i) => i);
    await mapChunksInOrder(chunks, async (n) => {
      seen.push(n);
      await wait(1);
    });
    expect(seen.sort((a, b) => a - b)).toEqual(chunks);
    expect(APPLY_CALLS_IN_FLIGHT).toBeGreaterThan(1);
  });

  it("answers an empty list without a call and refuses a limit below one", async () => {
    await expect(mapChunksInOrder([], async () => 1)).resolves.toEqual([]);
    await expect(mapChunksInOrder([1], async () => 1, 0)).rejects.toThrow(RangeError);
  });
});
