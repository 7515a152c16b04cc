import { describe, expect, it } from "vitest";

import { driftGaugeValues, driftStateOf } from "./drift-state";

const summary = (s: Partial<Record<"create" | "update" | "delete" | "unchanged" | "unmanaged", number>>) => ({
  create: 0,
  update: 0,
  delete: 0,
  unchanged: 0,
  unmanaged: 0,
  ...s,
});

describe("driftStateOf", () => {
  it.each([
    [summary({ unchanged: 5 }), "in-sync"],
    [summary({ unchanged: 5, unmanaged: 2 }), "unmanaged"],
    [summary({ update: 1, unmanaged: 2 }), "drifted"],
    [summary({ create: 1 }), "drifted"],
    [summary({ delete: 1 }), "drifted"],
  ] as const)("%j is %s", (counts, state) => {
    expect(driftStateOf(counts)).toBe(state);
  });
});

describe("driftGaugeValues", () => {
  it("counts every kind of drift and leaves unchanged entries out", () => {
    expect(driftGaugeValues(summary({ create: 1, update: 2, delete: 3, unchanged: 9, unmanaged: 4 }))).toEqual({
      create: 1,
      update: 2,
      delete: 3,
      unmanaged: 4,
    });
  });
});
