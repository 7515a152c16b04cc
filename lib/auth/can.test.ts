import { describe, expect, it } from "vitest";

import { teamAEditor, testPrincipal } from "@/test/support/principal";

import { type Action, isMutation } from "./actions";
import { can, type EntryScope, entryWriteProblem, type Resource } from "./can";
import type { Principal } from "./principal";
import { roleActions, roles } from "./roles";

const td = "spiffe://foo.example.com";
const agent = `${td}/spire/agent/x509pop/abc`;

const principal = testPrincipal;

const viewer = principal({ role: "viewer" });
const fooViewer = principal({ role: "viewer", servers: ["foo"] });
const editor = principal({
  role: "editor",
  servers: ["foo"],
  spiffeIdPrefixes: [`${td}/team-a/`],
  dnsSuffixes: ["team-a.svc.cluster.local"],
});
const operator = principal({ role: "operator", servers: ["foo"], spiffeIdPrefixes: [`${td}/team-a`] });
const fooOperator = principal({ role: "operator", servers: ["foo"] });
const admin = principal({ role: "admin" });
const fooAdmin = principal({ role: "admin", servers: ["foo"] });

const entry = (path: string, extra: Partial<EntryScope> = {}): EntryScope => ({
  spiffeId: `${td}${path}`,
  parentId: agent,
  ...extra,
});
const write = (...entries: EntryScope[]): Resource => ({ server: "foo", entries });

type Row = [string, Principal | null, Action, Resource, boolean, RegExp?];

const table: Row[] = [
  ["nobody is denied", null, "entries.read", { server: "foo" }, false, /not signed in/],
  ["no bindings is denied", principal(), "entries.read", { server: "foo" }, false, /has no role/],
  ["viewer reads entries", viewer, "entries.read", { server: "foo" }, true],
  ["viewer reads the all-server overview", viewer, "servers.read", {}, true],
  ["viewer may not write", viewer, "entries.write", write(entry("/team-a/x")), false, /viewer role may not/],
  ["viewer may not ban", viewer, "agents.ban", { server: "foo" }, false],
  ["viewer may not read pod logs", viewer, "troubleshoot.logs", { server: "foo" }, false],
  ["server-scoped viewer reads its server", fooViewer, "entries.read", { server: "foo" }, true],
  ["server-scoped viewer not another", fooViewer, "entries.read", { server: "bar" }, false, /covers foo, not 'bar'/],
  ["editor writes in scope", editor, "entries.write", write(entry("/team-a/api")), true],
  ["editor writes the prefix itself", editor, "entries.write", write(entry("/team-a")), true],
  [
    "editor not a sibling prefix",
    editor,
    "entries.write",
    write(entry("/team-ab/api")),
    false,
    /outside your SPIFFE-ID/,
  ],
  ["editor not another server", editor, "entries.write", { server: "bar", entries: [entry("/team-a/x")] }, false],
  ["editor not admin", editor, "entries.write", write(entry("/team-a/x", { admin: true })), false, /admin entries/],
  ["editor not downstream", editor, "entries.write", write(entry("/team-a/x", { downstream: true })), false],
  [
    "editor not a node alias",
    editor,
    "entries.write",
    write(entry("/team-a/alias", { parentId: `${td}/spire/server` })),
    false,
    /node entries or node aliases/,
  ],
  [
    "editor DNS in suffix",
    editor,
    "entries.write",
    write(entry("/team-a/x", { dnsNames: ["api.team-a.svc.cluster.local"] })),
    true,
  ],
  [
    "editor DNS outside suffix",
    editor,
    "entries.write",
    write(entry("/team-a/x", { dnsNames: ["evilteam-a.svc.cluster.local"] })),
    false,
    /outside your DNS suffixes/,
  ],
  [
    "a batch with one row out of scope is denied",
    editor,
    "entries.write",
    write(entry("/team-a/1"), entry("/team-b/2"), entry("/team-a/3")),
    false,
    /team-b/,
  ],
  [
    "an edit moving an entry out of scope is denied",
    editor,
    "entries.write",
    write(entry("/team-a/x"), entry("/team-b/x")),
    false,
  ],
  ["editor cannot ban", editor, "agents.ban", { server: "foo" }, false],
  ["editor cannot manage tokens", editor, "tokens.manage", {}, false],
  [
    "operator without dnsSuffixes may not set DNS names",
    operator,
    "entries.write",
    write(entry("/team-a/x", { dnsNames: ["a.example"] })),
    false,
    /without dnsSuffixes/,
  ],
  ["operator bans on its server", fooOperator, "agents.ban", { server: "foo" }, true],
  ["operator evicts on its server", fooOperator, "agents.evict", { server: "foo" }, true],
  [
    "an operator limited to SPIFFE-ID prefixes may not ban (its agents serve other entries too)",
    operator,
    "agents.ban",
    { server: "foo" },
    false,
    /limited to SPIFFE-ID prefixes .* needs a binding without spiffeIdPrefixes/,
  ],
  ["an operator limited to SPIFFE-ID prefixes may not evict", operator, "agents.evict", { server: "foo" }, false],
  ["operator refreshes federation", operator, "federation.refresh", { server: "foo" }, true],
  ["operator not on another server", operator, "agents.evict", { server: "bar" }, false],
  ["admin writes admin entries", admin, "entries.write", write(entry("/x", { admin: true, downstream: true })), true],
  [
    "admin writes node aliases",
    admin,
    "entries.write",
    write(entry("/alias", { parentId: `${td}/spire/server` })),
    true,
  ],
  ["admin manages tokens", admin, "tokens.manage", {}, true],
  ["admin reads the audit log", admin, "audit.read", {}, true],
  ["a server-scoped admin may not manage tokens", fooAdmin, "tokens.manage", {}, false, /not limited to servers/],
  ["a server-scoped admin writes on its server", fooAdmin, "entries.write", write(entry("/x", { admin: true })), true],
  ["admin rotates authorities", fooAdmin, "authorities.rotate", { server: "foo" }, true],
  ["operator may not rotate authorities", operator, "authorities.rotate", { server: "foo" }, false, /operator role/],
  ["admin writes federation relationships", fooAdmin, "federation.write", { server: "foo" }, true],
  ["operator may not write federation", operator, "federation.write", { server: "foo" }, false, /operator role/],
  ["editor may not write federation", editor, "federation.write", { server: "foo" }, false, /editor role/],
  ["operator cleans up on its server", operator, "cleanup.apply", { server: "foo" }, true],
  ["editor may not clean up", editor, "cleanup.apply", { server: "foo" }, false, /editor role/],
  ["admin cleans up", admin, "cleanup.apply", { server: "bar" }, true],
  ["operator adds no-identity suppressions", operator, "kubernetes.suppress", { server: "foo" }, true],
  ["editor may not add suppressions", editor, "kubernetes.suppress", { server: "foo" }, false, /editor role/],
  ["viewer may not add suppressions", viewer, "kubernetes.suppress", { server: "foo" }, false, /viewer role/],
  ["a foo admin may not hide bar's pods", fooAdmin, "kubernetes.suppress", { server: "bar" }, false, /not 'bar'/],
  ["viewer previews a clean-up (the dry run)", fooViewer, "cleanup.preview", { server: "foo" }, true],
  [
    "viewer may not apply a clean-up",
    fooViewer,
    "cleanup.apply",
    { server: "foo" },
    false,
    /viewer role may not clean/,
  ],
  ["viewer previews only on its servers", fooViewer, "cleanup.preview", { server: "bar" }, false, /not 'bar'/],
];

describe("can(principal, action, resource)", () => {
  it.each(table)("%s", (_name, who, action, resource, allowed, reason) => {
    const decision = can(who, action, resource);
    expect(decision.allowed).toBe(allowed);
    expect(decision.reason.length).toBeGreaterThan(0);
    if (reason) expect(decision.reason).toMatch(reason);
    expect(decision.reason).not.toMatch(/\b[a-z]+\.(read|write|ban|evict|refresh|manage|rotate|apply|logs)\b/);
  });

  it("allows through any one binding and names it", () => {
    const both = principal(
      { role: "viewer" },
      { role: "editor", servers: ["foo"], spiffeIdPrefixes: [`${td}/team-a`] },
    );
    const decision = can(both, "entries.write", write(entry("/team-a/x")));
    expect(decision).toMatchObject({ allowed: true, reason: "allowed by editor (binding 1)" });
  });
});

describe("entryWriteProblem(principal, server, entry)", () => {
  const bounded = teamAEditor();
  const ok = entry("/team-a/api", { selectors: [{ type: "k8s", value: "ns:team-a" }] });

  it("is null for an entry the binding allows", () => {
    expect(entryWriteProblem(bounded, "foo", ok)).toBeNull();
  });

  it.each<[string, Partial<EntryScope>, string, RegExp]>([
    ["another team's ID", { spiffeId: `${td}/team-b/api` }, "spiffeId", /outside your SPIFFE-ID scope/],
    ["a DNS name outside the suffixes", { dnsNames: ["api.team-b.svc"] }, "dnsNames", /outside your DNS suffixes/],
    ["the admin flag", { admin: true }, "admin", /editors may not create or change admin entries/],
    ["another namespace", { selectors: [{ type: "k8s", value: "ns:team-b" }] }, "selectors", /selectorPrefixes/],
  ])("names the field of %s", (_what, change, field, reason) => {
    const found = entryWriteProblem(bounded, "foo", { ...ok, ...change });
    expect(found?.field).toBe(field);
    expect(found?.message).toMatch(reason);
  });

  it("names no field when the role or the server refuses, in plain words", () => {
    expect(entryWriteProblem(viewer, "foo", ok)).toEqual({
      field: "form",
      message: "the viewer role may not create, change or delete entries",
    });
    expect(entryWriteProblem(bounded, "bar", ok)?.field).toBe("form");
  });
});

describe("the clean-up's dry run", () => {
  it("is a read every role has, apart from the apply, which changes things", () => {
    expect(isMutation("cleanup.preview")).toBe(false);
    expect(isMutation("cleanup.apply")).toBe(true);
    for (const role of roles) expect(roleActions[role].has("cleanup.preview"), role).toBe(true);
    expect(roles.filter((role) => roleActions[role].has("cleanup.apply"))).toEqual(["operator", "admin"]);
  });
});
