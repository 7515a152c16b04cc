import { describe, expect, it } from "vitest";

import { isUnderDnsSuffix, isUnderPrefix } from "./spiffe-id-scope";

describe("isUnderPrefix", () => {
  const prefix = "spiffe://foo.example.com/team-a/";
  it.each([
    ["spiffe://foo.example.com/team-a", true],
    ["spiffe://foo.example.com/team-a/api", true],
    ["spiffe://foo.example.com/team-a/api/v2", true],
    ["spiffe://foo.example.com/team-ab", false],
    ["spiffe://foo.example.com/team-ab/api", false],
    ["spiffe://foo.example.com/team-a/../team-b", false],
    ["spiffe://foo.example.com/team-a//x", false],
    ["spiffe://foo.example.com/team-a/./x", false],
    ["spiffe://foo.example.com/team-a/%2e%2e/team-b", false],
    ["spiffe://bar.example.com/team-a/api", false],
    ["spiffe://foo.example.com/", false],
    ["spiffe://foo.example.com", false],
    ["not a spiffe id", false],
  ])("%s → %s", (id, expected) => {
    expect(isUnderPrefix(id, prefix)).toBe(expected);
  });

  it("treats a prefix without a trailing slash the same way", () => {
    expect(isUnderPrefix("spiffe://foo.example.com/team-a/x", "spiffe://foo.example.com/team-a")).toBe(true);
    expect(isUnderPrefix("spiffe://foo.example.com/team-ab", "spiffe://foo.example.com/team-a")).toBe(false);
  });

  it("refuses an invalid prefix", () => {
    expect(isUnderPrefix("spiffe://foo.example.com/a", "spiffe://foo.example.com/../")).toBe(false);
  });
});

describe("isUnderDnsSuffix", () => {
  it.each([
    ["api.team-a.svc", "team-a.svc", true],
    ["team-a.svc", "team-a.svc", true],
    ["API.Team-A.svc", ".team-a.svc", true],
    ["evilteam-a.svc", "team-a.svc", false],
    ["team-a.svc.evil", "team-a.svc", false],
    ["anything", "", false],
  ])("%s under %s → %s", (name, suffix, expected) => {
    expect(isUnderDnsSuffix(name, suffix)).toBe(expected);
  });
});
