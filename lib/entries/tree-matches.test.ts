import { describe, expect, it } from "vitest";

import { AUTO_EXPAND_LIMIT, describeMatches, findRowsToExpand, hideEmptyGroups, isFiltering } from "./tree-matches";

const node = (key: string, kind: string, subtreeCount: number, extra: object = {}) => ({
  type: "node",
  key,
  expandable: subtreeCount > 0,
  expanded: false,
  node: { kind, subtreeCount },
  ...extra,
});

describe("the filtered tree", () => {
  it("knows when a filter is set", () => {
    expect(isFiltering({})).toBe(false);
    expect(isFiltering({ spiffeIdContains: "", selectors: [] })).toBe(false);
    expect(isFiltering({ spiffeIdContains: "team-a/api" })).toBe(true);
  });

  it("opens the closed rows with matches below them, and no more than the limit", () => {
    const rows = [node("server", "server", 1, { expanded: true }), node("a", "alias", 1), node("b", "agent", 0)];
    expect(findRowsToExpand(rows, 1).map((r) => r.key)).toEqual(["a"]);
    expect(findRowsToExpand(rows, AUTO_EXPAND_LIMIT)).toEqual([]);
  });

  it("hides an Orphans group with nothing under the filter, and keeps one with matches", () => {
    const rows = [node("server/orphans", "orphans", 0), node("server/x", "entry", 0)];
    expect(hideEmptyGroups(rows).map((r) => r.key)).toEqual(["server/x"]);
    expect(hideEmptyGroups([node("server/orphans", "orphans", 2)])).toHaveLength(1);
  });

  it("says how many match of how many", () => {
    expect(describeMatches(true, 1, 37)).toBe("1 of 37 entries match");
    expect(describeMatches(false, 1, 37)).toBe("37 entries");
  });
});
