import { describe, expect, it } from "vitest";

import { expansionFromParams, expansionToParams } from "./tree-expansion";

describe("tree expansion in the URL", () => {
  it("round-trips expanded rows, the Orphans group included, and always has the root", () => {
    const values = [
      "orphans",
      "server/agent:spiffe://foo.example.com/spire/agent/x spiffe://foo.example.com/spire/agent/x",
      "server/agent:spiffe://foo.example.com/spire/agent/x/entry:abc spiffe://foo.example.com/node/edge-3",
    ];
    const map = expansionFromParams(values);
    expect(map.get("server")).toEqual({ spiffeId: "", orphans: false, pages: 1 });
    expect(map.get("server/orphans")?.orphans).toBe(true);
    expect(expansionToParams(map)).toEqual(values);
  });

  it("ignores values that do not name a row and an ID", () => {
    expect([...expansionFromParams(["garbage", "server/x notanid", "other/x spiffe://a/b"]).keys()]).toEqual([
      "server",
    ]);
  });
});
