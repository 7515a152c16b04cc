import { describe, expect, it } from "vitest";

import { isSelectorSubset, isSelectorSuperset, matchSelectors, matchStrings, sameSelectors } from "./match-selectors";

const s = (...keys: string[]) =>
  keys.map((k) => ({ type: k.slice(0, k.indexOf(":")), value: k.slice(k.indexOf(":") + 1) }));

describe("selector set relations", () => {
  it("tells subset, superset and equality apart", () => {
    expect(isSelectorSubset(s("a:1"), s("a:1", "b:2"))).toBe(true);
    expect(isSelectorSubset(s("a:1", "c:3"), s("a:1", "b:2"))).toBe(false);
    expect(isSelectorSuperset(s("a:1", "b:2"), s("b:2"))).toBe(true);
    expect(sameSelectors(s("a:1", "b:2"), s("b:2", "a:1"))).toBe(true);
    expect(sameSelectors(s("a:1"), s("a:1", "b:2"))).toBe(false);
  });

  it("compares type and value, not just value", () => {
    expect(isSelectorSubset(s("unix:uid:0"), s("k8s:uid:0"))).toBe(false);
  });
});

describe("matchSelectors (SPIRE's BySelectors semantics)", () => {
  const entry = s("k8s:ns:payments", "k8s:sa:api");
  it.each([
    ["exact", s("k8s:ns:payments", "k8s:sa:api"), true],
    ["exact", s("k8s:ns:payments"), false],
    ["subset", s("k8s:ns:payments", "k8s:sa:api", "k8s:x:y"), true],
    ["subset", s("k8s:ns:payments"), false],
    ["superset", s("k8s:ns:payments"), true],
    ["superset", s("k8s:ns:payments", "k8s:x:y"), false],
    ["any", s("k8s:x:y", "k8s:sa:api"), true],
    ["any", s("k8s:x:y"), false],
  ] as const)("%s %j → %s", (mode, filter, expected) => {
    expect(matchSelectors(entry, filter, mode)).toBe(expected);
  });

  it("matches trust-domain lists the same way", () => {
    expect(matchStrings(["bar.example.com", "baz.org"], ["bar.example.com"], "superset")).toBe(true);
    expect(matchStrings(["bar.example.com"], ["bar.example.com", "baz.org"], "superset")).toBe(false);
  });
});
