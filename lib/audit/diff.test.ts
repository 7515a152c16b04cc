import { describe, expect, it } from "vitest";

import { diffRecords } from "./diff";

describe("diffRecords", () => {
  it("lists the fields an edit changed, lists compared whole", () => {
    const before = { x509SvidTtl: 3600, dnsNames: ["a"], hint: "x", revisionNumber: 1 };
    const after = { x509SvidTtl: 900, dnsNames: ["a", "b"], hint: "x", revisionNumber: 2 };
    expect(diffRecords(before, after)).toEqual([
      { field: "x509SvidTtl", before: 3600, after: 900 },
      { field: "dnsNames", before: ["a"], after: ["a", "b"] },
      { field: "revisionNumber", before: 1, after: 2 },
    ]);
  });

  it("shows every field of a create and of a delete", () => {
    expect(diffRecords(null, { spiffeId: "s" })).toEqual([{ field: "spiffeId", before: undefined, after: "s" }]);
    expect(diffRecords({ spiffeId: "s" }, null)).toEqual([{ field: "spiffeId", before: "s", after: undefined }]);
  });

  it("finds nothing between equal versions", () => {
    expect(diffRecords({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
  });
});
