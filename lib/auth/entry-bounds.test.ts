import { describe, expect, it } from "vitest";

import { testPrincipal } from "@/test/support/principal";

import { can, type EntryScope } from "./can";
import { boundsProblem, isUnderSelectorPrefix } from "./entry-bounds";
import type { Binding } from "./principal";

const td = "spiffe://foo.example.com";
const agent = `${td}/spire/agent/x509pop/abc`;
const bounded: Binding = {
  role: "editor",
  servers: ["foo"],
  spiffeIdPrefixes: [`${td}/team-a`],
  parentIdPrefixes: [`${td}/spire/agent/x509pop`, `${td}/node/fleet`],
  selectorPrefixes: ["k8s:ns:team-a", "unix:user:team-a-*"],
  maxX509SvidTtl: 3600,
  maxJwtSvidTtl: 300,
  federatesWith: ["bar.example.com"],
  source: "test",
};
const row = (extra: Partial<EntryScope> = {}): EntryScope => ({
  spiffeId: `${td}/team-a/api`,
  parentId: agent,
  selectors: [
    { type: "k8s", value: "ns:team-a" },
    { type: "k8s", value: "sa:api" },
  ],
  ...extra,
});

describe("isUnderSelectorPrefix", () => {
  it.each([
    ["k8s:ns:team-a", "k8s:ns:team-a", true],
    ["k8s:ns:team-ab", "k8s:ns:team-a", false],
    ["unix:uid:1000", "unix:uid", true],
    ["unix:uidx:1", "unix:uid", false],
    ["unix:user:team-a-worker", "unix:user:team-a-*", true],
    ["unix:user:team-b-worker", "unix:user:team-a-*", false],
  ])("%s under %s is %s", (text, prefix, expected) => {
    const [type, ...value] = text.split(":");
    expect(isUnderSelectorPrefix({ type: type!, value: value.join(":") }, prefix)).toBe(expected);
  });
});

describe("boundsProblem", () => {
  it("allows an entry inside every bound", () => {
    expect(
      boundsProblem(bounded, row({ x509SvidTtl: 3600, jwtSvidTtl: 300, federatesWith: ["bar.example.com"] })),
    ).toBeNull();
    expect(boundsProblem(bounded, row({ parentId: `${td}/node/fleet` }))).toBeNull();
  });

  it.each<[string, Partial<EntryScope>, RegExp, string]>([
    ["another team's workload as parent", { parentId: `${td}/team-b/api` }, /outside your allowed parents/, "parentId"],
    ["another namespace", { selectors: [{ type: "k8s", value: "ns:team-b" }] }, /selectorPrefixes/, "selectors"],
    ["a 68-year X509 TTL", { x509SvidTtl: 2_147_483_647 }, /2147483647s is above your maxX509SvidTtl/, "x509SvidTtl"],
    ["a JWT TTL above the ceiling", { jwtSvidTtl: 301 }, /maxJwtSvidTtl of 300s/, "jwtSvidTtl"],
    ["a foreign federated domain", { federatesWith: ["evil.example"] }, /evil.example is outside/, "federatesWith"],
    ["storeSvid", { storeSvid: true }, /does not allow storeSvid/, "storeSvid"],
  ])("refuses %s, naming the field", (_what, extra, reason, field) => {
    expect(boundsProblem(bounded, row(extra))?.message).toMatch(reason);
    expect(boundsProblem(bounded, row(extra))?.field).toBe(field);
  });

  it("denies by default: a binding without the keys allows no parent, selector, TTL, federation or storeSvid", () => {
    const bare: Binding = { role: "operator", source: "test" };
    expect(boundsProblem(bare, row())?.message).toMatch(/allows no parent IDs \(parentIdPrefixes is not set\)/);
    const parents: Binding = { ...bare, parentIdPrefixes: [agent] };
    expect(boundsProblem(parents, row())?.message).toMatch(/allows no selectors/);
    const selectors: Binding = { ...parents, selectorPrefixes: ["k8s:ns:team-a"] };
    expect(boundsProblem(selectors, row())).toBeNull();
    expect(boundsProblem(selectors, row({ x509SvidTtl: 60 }))?.message).toMatch(/needs maxX509SvidTtl/);
    expect(boundsProblem(selectors, row({ federatesWith: ["bar.example.com"] }))?.message).toMatch(
      /allows no federatesWith/,
    );
    expect(boundsProblem({ ...selectors, storeSvid: true }, row({ storeSvid: true }))).toBeNull();
  });
});

describe("can() applies the bounds to the states a write leaves, not to what it deletes", () => {
  const who = testPrincipal(bounded);
  it("refuses a write whose result leaves the bounds, allows deleting the same entry", () => {
    const wide = row({ storeSvid: true });
    expect(can(who, "entries.write", { server: "foo", entries: [wide], writes: [wide] }).reason).toMatch(/storeSvid/);
    expect(can(who, "entries.write", { server: "foo", entries: [wide] }).allowed).toBe(true);
  });
  it("does not bound admins", () => {
    const admin = testPrincipal({ role: "admin" });
    const wide = row({ storeSvid: true, x509SvidTtl: 2_000_000_000 });
    expect(can(admin, "entries.write", { server: "foo", entries: [wide], writes: [wide] }).allowed).toBe(true);
  });
});
