import { describe, expect, it } from "vitest";

import { parseSpiffeId, spiffePathProblem } from "./spiffe-id";

describe("parseSpiffeId", () => {
  it.each([
    ["spiffe://example.org", { trustDomain: "example.org", path: "" }],
    ["spiffe://example.org/ns/payments/sa/api", { trustDomain: "example.org", path: "/ns/payments/sa/api" }],
    [
      "spiffe://foo.example.com/spire/agent/join_token/abc-123",
      { trustDomain: "foo.example.com", path: "/spire/agent/join_token/abc-123" },
    ],
    ["spiffe://td_1-x/a.b_c-d", { trustDomain: "td_1-x", path: "/a.b_c-d" }],
  ])("accepts %s", (input, expected) => {
    expect(parseSpiffeId(input)).toEqual(expected);
  });

  it.each([
    ["http://example.org/a", /spiffe:\/\/trust-domain/],
    ["SPIFFE://example.org/a", /spiffe:\/\/trust-domain/],
    ["spiffe://Example.org/a", /lowercase/],
    ["spiffe:///a", /required/],
    ["spiffe://example.org/", /empty segments/],
    ["spiffe://example.org//a", /empty segments/],
    ["spiffe://example.org/a/./b", /'\.' or '\.\.'/],
    ["spiffe://example.org/a/..", /'\.' or '\.\.'/],
    ["spiffe://example.org/a b", /may contain only/],
    ["spiffe://example.org/a%20b", /may contain only/],
    ["spiffe://example.org/a?x=1", /query or fragment/],
    ["spiffe://example.org/a#frag", /query or fragment/],
    ["spiffe://user@example.org/a", /lowercase/],
    ["spiffe://example.org:8080/a", /lowercase/],
    [`spiffe://example.org/${"a".repeat(2050)}`, /at most 2048/],
  ])("rejects %s", (input, message) => {
    const result = parseSpiffeId(input);
    expect(result).toHaveProperty("error");
    expect((result as { error: string }).error).toMatch(message);
  });
});

describe("spiffePathProblem", () => {
  it("accepts the empty path and plain segments", () => {
    expect(spiffePathProblem("")).toBeNull();
    expect(spiffePathProblem("/a/b-c/d_e.f")).toBeNull();
  });

  it("requires a leading slash", () => {
    expect(spiffePathProblem("a/b")).toMatch(/start with/);
  });
});
