import { describe, expect, it } from "vitest";

import { checkEntryRows } from "./entry-batch";
import { dnsNameProblem, entryInputSchema, entryPatchSchema, workloadPathProblem } from "./entry-input";

const ctx = {
  trustDomain: "foo.example.com",
  federatedTrustDomains: ["bar.example.com"],
  now: Date.parse("2030-01-01T00:00:00Z"),
};
const good = {
  spiffeId: "spiffe://foo.example.com/payments/api",
  parentId: "spiffe://foo.example.com/spire/agent/x509pop/abc",
  selectors: [{ type: "k8s", value: "ns:payments" }],
};

function firstIssue(input: unknown) {
  const result = entryInputSchema(ctx).safeParse(input);
  expect(result.success).toBe(false);
  const issue = result.error!.issues[0]!;
  return { path: issue.path.join("."), message: issue.message };
}

describe("entryInputSchema", () => {
  it("accepts a full entry and normalises spiffe:// trust domains", () => {
    const parsed = entryInputSchema(ctx).parse({
      ...good,
      x509SvidTtl: 3600,
      jwtSvidTtl: 300,
      federatesWith: ["spiffe://bar.example.com"],
      dnsNames: ["*.api.example.com", "api"],
      admin: true,
      downstream: false,
      hint: "h",
      storeSvid: true,
      expiresAt: "2031-01-01T00:00:00Z",
    });
    expect(parsed.federatesWith).toEqual(["bar.example.com"]);
  });

  it.each([
    [{ ...good, spiffeId: "spiffe://bar.example.com/a" }, "spiffeId", /trust domain foo\.example\.com/],
    [{ ...good, spiffeId: "spiffe://foo.example.com/spire/x" }, "spiffeId", /reserved/],
    [{ ...good, spiffeId: "spiffe://foo.example.com" }, "spiffeId", /needs a path/],
    [{ ...good, parentId: "spiffe://foo.example.com" }, "parentId", /needs a path/],
    [{ ...good, selectors: [] }, "selectors", /At least one selector/],
    [{ ...good, selectors: [good.selectors[0], good.selectors[0]] }, "selectors.1", /listed twice/],
    [{ ...good, x509SvidTtl: -1 }, "x509SvidTtl", /negative/],
    [{ ...good, jwtSvidTtl: 2 ** 31 }, "jwtSvidTtl", /32-bit/],
    [{ ...good, x509SvidTtl: 1.5 }, "x509SvidTtl", /whole seconds/],
    [{ ...good, federatesWith: ["baz.example.com"] }, "federatesWith.0", /no bundle for baz\.example\.com/],
    [{ ...good, federatesWith: ["foo.example.com"] }, "federatesWith.0", /own trust domain/],
    [{ ...good, hint: "é".repeat(513) }, "hint", /1024 bytes/],
    [{ ...good, expiresAt: "2029-01-01T00:00:00Z" }, "expiresAt", /future/],
    [{ ...good, expiresAt: "tomorrow" }, "expiresAt", /ISO-8601/],
    [
      {
        ...good,
        storeSvid: true,
        selectors: [
          { type: "k8s", value: "a" },
          { type: "unix", value: "b" },
        ],
      },
      "storeSvid",
      /same type/,
    ],
    [{ ...good, colour: "blue" }, "", /Unknown field 'colour'/],
  ])("rejects %j at %s", (input, path, message) => {
    const issue = firstIssue(input);
    expect(issue.path).toBe(path);
    expect(issue.message).toMatch(message);
  });
});

describe("workloadPathProblem / dnsNameProblem", () => {
  it("follows SPIRE's workload ID and DNS rules", () => {
    expect(workloadPathProblem("/a/b")).toBeNull();
    expect(workloadPathProblem("/spire")).toMatch(/reserved/);
    expect(workloadPathProblem("/a/../b")).toMatch(/'\.'/);
    expect(dnsNameProblem("api.example.com")).toBeNull();
    expect(dnsNameProblem("*.example.com")).toBeNull();
    expect(dnsNameProblem("a.*.example.com")).toMatch(/wildcard/);
    expect(dnsNameProblem("example.com.")).toMatch(/end with/);
    expect(dnsNameProblem("-bad.example.com")).toMatch(/label/);
    expect(dnsNameProblem("ex ample.com")).toMatch(/ASCII/);
  });
});

describe("entryPatchSchema / checkEntryRows", () => {
  it("requires a revision and at least one change", () => {
    expect(entryPatchSchema(ctx).safeParse({ x509SvidTtl: 60 }).success).toBe(false);
    expect(entryPatchSchema(ctx).safeParse({ revisionNumber: 0 }).success).toBe(false);
    expect(entryPatchSchema(ctx).parse({ revisionNumber: 2, x509SvidTtl: 60 })).toEqual({
      revisionNumber: 2,
      x509SvidTtl: 60,
    });
  });

  it("reports bad rows by index and keeps the good ones", () => {
    const rows = checkEntryRows([good, { ...good, selectors: [] }], ctx);
    expect(rows.map((r) => r.ok)).toEqual([true, false]);
    expect(rows[1]).toMatchObject({ index: 1, details: [{ path: "selectors" }] });
  });
});
