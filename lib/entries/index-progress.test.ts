import { describe, expect, it } from "vitest";

import { describeIndexProgress, readIndexProgress } from "./index-progress";

const building = {
  server: "foo",
  state: "building",
  entries: null,
  walking: { indexed: 430_000, expected: 1_000_000, elapsedMs: 12_400 },
};

describe("readIndexProgress", () => {
  it("reads the walk of an index being built", () => {
    expect(readIndexProgress(building)).toEqual({
      server: "foo",
      indexed: 430_000,
      expected: 1_000_000,
      elapsedMs: 12_400,
    });
  });

  it("is null for a ready, failed or absent index and for anything else", () => {
    expect(readIndexProgress({ ...building, state: "ready" })).toBeNull();
    expect(readIndexProgress({ ...building, state: "failed", walking: null })).toBeNull();
    expect(readIndexProgress({ server: "foo", state: "absent", walking: null })).toBeNull();
    expect(readIndexProgress({ error: { code: "unavailable", message: "down" } })).toBeNull();
    expect(readIndexProgress(null)).toBeNull();
  });

  it("keeps an unknown total unknown", () => {
    expect(readIndexProgress({ ...building, walking: { indexed: 0, expected: null, elapsedMs: 900 } })).toEqual({
      server: "foo",
      indexed: 0,
      expected: null,
      elapsedMs: 900,
    });
  });
});

describe("describeIndexProgress", () => {
  it("says how many of about how many entries are indexed", () => {
    expect(describeIndexProgress({ server: "foo", indexed: 430_000, expected: 1_000_000, elapsedMs: 12_400 })).toEqual({
      title: "Building the entry index of foo…",
      detail: "Indexed 430,000 of about 1,000,000 entries (43%) in 12 s.",
      percent: 43,
    });
  });

  it("never claims more than 100% when SPIRE's count was low", () => {
    const said = describeIndexProgress({ server: "foo", indexed: 1_000_100, expected: 1_000_000, elapsedMs: 0 });
    expect(said.percent).toBe(100);
    expect(said.detail).toBe("Indexed 1,000,100 of about 1,000,000 entries (100%).");
  });

  it("says the total is not known yet instead of guessing", () => {
    expect(describeIndexProgress({ server: "bar", indexed: 0, expected: null, elapsedMs: 3_000 })).toEqual({
      title: "Building the entry index of bar…",
      detail: "Indexed 0 entries so far in 3 s; SPIRE has not said how many there are yet.",
      percent: null,
    });
  });
});
