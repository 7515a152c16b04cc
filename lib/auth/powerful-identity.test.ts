import { describe, expect, it } from "vitest";

import { testPrincipal } from "@/test/support/principal";

import type { EntryScope } from "./can";
import {
  changesIdentity,
  type IdentityFacts,
  isUnscopedAdmin,
  type KnownPowerfulId,
  powerfulIdentityRefusal,
} from "./powerful-identity";

const td = "spiffe://foo.example.com";
const agent = `${td}/spire/agent/x509pop/abc`;
const known: KnownPowerfulId[] = [
  { spiffeId: `${td}/console`, rule: "console-id", why: "the console presents it" },
  { spiffeId: `${td}/ops-bot`, rule: "admin-ids", why: "bar lists it in admin_ids" },
];
const none: IdentityFacts = { holders: [], children: [] };
const teamA = (e: EntryScope) => e.spiffeId.startsWith(`${td}/team-a/`);
const refuse = (id: string, facts: IdentityFacts = none) => powerfulIdentityRefusal(id, known, facts, teamA);

describe("powerfulIdentityRefusal", () => {
  it("lets a plain ID nobody trusts through", () => {
    expect(refuse(`${td}/team-a/new`)).toBeNull();
    const inScopeChild = { spiffeId: `${td}/team-a/child`, parentId: `${td}/team-a/new` };
    expect(refuse(`${td}/team-a/new`, { holders: [], children: [inScopeChild] })).toBeNull();
    const plainHolder = { spiffeId: `${td}/team-a/new`, parentId: agent };
    expect(refuse(`${td}/team-a/new`, { holders: [plainHolder], children: [] })).toBeNull();
  });

  it.each<[string, string, IdentityFacts, string]>([
    ["an ID under /spire/", `${td}/spire/agent/x509pop/abc`, none, "spire-path"],
    ["the console's own ID", `${td}/console`, none, "console-id"],
    ["an ID in some server's admin_ids", `${td}/ops-bot`, none, "admin-ids"],
    [
      "the ID of an admin entry",
      `${td}/team-a/x`,
      { holders: [{ spiffeId: `${td}/team-a/x`, parentId: agent, admin: true }], children: [] },
      "admin-entry",
    ],
    [
      "the ID of a downstream entry",
      `${td}/team-a/x`,
      { holders: [{ spiffeId: `${td}/team-a/x`, parentId: agent, downstream: true }], children: [] },
      "downstream-entry",
    ],
    [
      "a node alias's ID",
      `${td}/node/fleet`,
      { holders: [{ spiffeId: `${td}/node/fleet`, parentId: `${td}/spire/server` }], children: [] },
      "node-alias",
    ],
    [
      "the parent of another team's entries",
      `${td}/team-a/x`,
      { holders: [], children: [{ spiffeId: `${td}/team-b/db`, parentId: `${td}/team-a/x` }] },
      "parent-of-out-of-scope",
    ],
  ])("refuses %s and names the rule", (_what, id, facts, rule) => {
    const refusal = refuse(id, facts);
    expect(refusal?.rule).toBe(rule);
    expect(refusal?.message).toContain(`(rule ${rule})`);
    expect(refusal?.message).toContain(id);
  });
});

describe("who and what the rule applies to", () => {
  it("exempts only an admin bound to every server", () => {
    expect(isUnscopedAdmin(testPrincipal({ role: "admin" }))).toBe(true);
    expect(isUnscopedAdmin(testPrincipal({ role: "admin", servers: ["foo"] }))).toBe(false);
    expect(isUnscopedAdmin(testPrincipal({ role: "operator" }))).toBe(false);
  });
  it("looks at an edit only when it changes the ID or the parent", () => {
    const before = { spiffeId: `${td}/a`, parentId: agent };
    expect(changesIdentity(before, { ...before })).toBe(false);
    expect(changesIdentity(before, { ...before, spiffeId: `${td}/b` })).toBe(true);
    expect(changesIdentity(before, { ...before, parentId: `${td}/node/fleet` })).toBe(true);
  });
});
