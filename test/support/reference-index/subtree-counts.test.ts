import { describe, expect, it } from "vitest";

import type { Entry } from "@/lib/spire/types";

import { countSubtrees } from "./subtree-counts";

const e = (spiffeId: string, parentId: string) => ({ id: spiffeId, spiffeId, parentId }) as Entry;

function childrenOf(entries: Entry[]): Map<string, Entry[]> {
  const map = new Map<string, Entry[]>();
  for (const entry of entries) map.set(entry.parentId, [...(map.get(entry.parentId) ?? []), entry]);
  return map;
}

describe("countSubtrees", () => {
  it("counts every descendant, with weights", () => {
    const entries = [e("a", "root"), e("b", "a"), e("c", "a"), e("d", "c")];
    const counts = countSubtrees(["root"], childrenOf(entries));
    expect([counts.get("root"), counts.get("a"), counts.get("c"), counts.get("d")]).toEqual([4, 3, 1, 0]);
    const onlyD = countSubtrees(["root"], childrenOf(entries), (entry) => (entry.id === "d" ? 1 : 0));
    expect(onlyD.get("root")).toBe(1);
    expect(onlyD.get("b")).toBe(0);
  });

  it("terminates on a parent cycle", () => {
    const counts = countSubtrees(["x"], childrenOf([e("y", "x"), e("x", "y")]));
    expect(counts.get("x")).toBe(2);
  });

  it("handles a 100,000-deep chain without overflowing the stack", () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => e(`n${i + 1}`, `n${i}`));
    expect(countSubtrees(["n0"], childrenOf(entries)).get("n0")).toBe(100_000);
  });
});
