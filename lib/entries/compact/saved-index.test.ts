import { serialize } from "node:v8";

import { describe, expect, it } from "vitest";

import { buildCompact, compareTrees, now } from "@/test/support/compare-compact-index";
import { generateEntries } from "@/test/support/generate-entries";

import { decodeIndex, decodeIndexChunks, encodeIndex, encodeIndexParts } from "./saved-index";

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

  it("reads the same index from bytes that arrive in chunks of any size, and refuses them cut short", async () => {
    const { trustDomain, agents, entries } = generateEntries(24, 1500);
    const index = buildCompact(trustDomain, entries, agents);
    const bytes = encodeIndex(index);
    async function* chunksOf(data: Uint8Array, size: number) {
      for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
    }
    for (const size of [1, 7, 4096, bytes.length]) {
      const restored = await decodeIndexChunks(chunksOf(bytes, size), trustDomain, now);
      expect(restored.save(), `chunks of ${size}`).toEqual(index.save());
    }
    const older = serialize(index.save());
    expect((await decodeIndexChunks(chunksOf(older, 1000), trustDomain, now)).save()).toEqual(index.save());
    const cut = bytes.subarray(0, bytes.length - 10);
    await expect(decodeIndexChunks(chunksOf(cut, 4096), trustDomain, now)).rejects.toThrow(/ends early/);
  });

  it("refuses a copy cut short", () => {
    const { trustDomain, agents, entries } = generateEntries(23, 300);
    const bytes = encodeIndex(buildCompact(trustDomain, entries, agents));
    expect(() => decodeIndex(bytes.subarray(0, bytes.length - 10), trustDomain, now)).toThrow(/ends early/);
  });
});
