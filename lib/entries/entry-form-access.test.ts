import { describe, expect, it } from "vitest";

import { teamAEditor, testPrincipal } from "@/test/support/principal";

import { findEntryAccessErrors } from "./entry-form-access";

const td = "spiffe://foo.example.com";
const editor = teamAEditor();
const admin = testPrincipal({ role: "admin" });
const input = (path: string, extra = {}) => ({
  spiffeId: `${td}${path}`,
  parentId: `${td}/spire/agent/k8s_psat/demo/node-1`,
  selectors: [{ type: "k8s", value: "ns:team-a" }],
  ...extra,
});
const created = { moved: true, facts: null };

describe("findEntryAccessErrors", () => {
  it("passes an entry inside the editor's scope", () => {
    expect(findEntryAccessErrors(editor, "foo", input("/team-a/api"), created)).toEqual({});
  });

  it("marks the SPIFFE ID outside the scope, and a DNS name outside the suffixes, at their fields", () => {
    const outside = findEntryAccessErrors(editor, "foo", input("/team-b/api"), created);
    expect(outside.spiffeId).toMatch(/outside your SPIFFE-ID scope \(spiffe:\/\/foo.example.com\/team-a\)/);
    const dns = findEntryAccessErrors(editor, "foo", input("/team-a/api", { dnsNames: ["api.team-b.svc"] }), created);
    expect(dns.dnsNames).toMatch(/DNS name api.team-b.svc is outside your DNS suffixes \(team-a.svc\)/);
  });

  it("applies the powerful-identity rule to what it knows: an admin entry's ID is refused for an editor", () => {
    const id = `${td}/team-a/ops`;
    const facts = { holders: [{ spiffeId: id, parentId: input("").parentId, admin: true }], children: [] };
    const errors = findEntryAccessErrors(editor, "foo", input("/team-a/ops"), { moved: true, facts });
    expect(errors.spiffeId).toMatch(/powerful identity \(rule admin-entry\)/);
    expect(findEntryAccessErrors(editor, "foo", input("/team-a/ops"), { moved: false, facts })).toEqual({});
    expect(findEntryAccessErrors(admin, "foo", input("/team-a/ops"), { moved: true, facts })).toEqual({});
  });

  it("refuses the parent of entries outside the scope, like the server", () => {
    const id = `${td}/team-a/relay`;
    const facts = { holders: [], children: [{ spiffeId: `${td}/team-b/db`, parentId: id }] };
    const errors = findEntryAccessErrors(editor, "foo", input("/team-a/relay"), { moved: true, facts });
    expect(errors.spiffeId).toMatch(/parent-of-out-of-scope/);
  });

  it("says when the role may not write at all, without a permission ID", () => {
    const viewer = testPrincipal({ role: "viewer" });
    expect(findEntryAccessErrors(viewer, "foo", input("/team-a/api"), created)).toEqual({
      form: "the viewer role may not create, change or delete entries",
    });
  });
});
