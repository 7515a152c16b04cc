import { describe, expect, it } from "vitest";

import { can } from "@/lib/auth/can";
import type { EntrySetDocument } from "@/lib/entries-as-code/types";

import { entrySetPrincipal } from "./system-principal";

const td = "spiffe://foo.example.com";
const declared = {
  spiffeId: `${td}/team-a/api`,
  parentId: `${td}/agent`,
  selectors: [{ type: "unix", value: "uid:1000" }],
  x509SvidTtl: 3600,
  dnsNames: ["api.team-a.svc"],
};
const document: EntrySetDocument = {
  apiVersion: "spire-console/v1",
  kind: "EntrySet",
  metadata: { name: "team-a" },
  spec: { owns: { spiffeIdPrefixes: [`${td}/team-a/`] }, prune: false, entries: [declared] },
};
const principal = entrySetPrincipal("team-a", "foo", document);
const write = (entry: { spiffeId: string; parentId?: string; admin?: boolean; dnsNames?: string[] }, server = "foo") =>
  can(principal, "entries.write", { server, entries: [{ parentId: `${td}/agent`, ...entry }] });

describe("the console's own principal for an entry set", () => {
  it("is the system, named after the set", () => {
    expect(principal).toMatchObject({ kind: "system", method: "system", subject: "entry-set:team-a" });
  });

  it("may write the set's own entries, with the DNS names the set declares", () => {
    expect(write({ spiffeId: `${td}/team-a/api`, dnsNames: ["api.team-a.svc"] }).allowed).toBe(true);
  });

  it.each([
    ["outside the set's prefixes", { spiffeId: `${td}/team-b/api` }, "outside your SPIFFE-ID scope"],
    ["an admin entry", { spiffeId: `${td}/team-a/api`, admin: true }, "may not create or change admin entries"],
    ["a node entry", { spiffeId: `${td}/team-a/node`, parentId: `${td}/spire/server` }, "node entries"],
    ["a DNS name the set does not declare", { spiffeId: `${td}/team-a/api`, dnsNames: ["evil.example"] }, "DNS name"],
  ])("may not write %s", (_what, entry, reason) => {
    const decision = write(entry);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain(reason);
  });

  it.each([
    ["an undeclared parent", { parentId: `${td}/other-agent` }, "outside your allowed parents"],
    ["an undeclared selector", { selectors: [{ type: "unix", value: "uid:0" }] }, "selectorPrefixes"],
    ["a TTL above the set's", { x509SvidTtl: 86_400 }, "maxX509SvidTtl"],
    ["a federation the set does not declare", { federatesWith: ["bar.example.com"] }, "federatesWith"],
    ["storeSvid the set does not declare", { storeSvid: true }, "storeSvid"],
  ])("may not write an entry state with %s (entry bounds, deny by default)", (_what, change, reason) => {
    const state = { ...declared, ...change };
    const decision = can(principal, "entries.write", { server: "foo", entries: [state], writes: [state] });
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain(reason);
  });

  it("may write the set's declared entry state within its bounds", () => {
    const decision = can(principal, "entries.write", { server: "foo", entries: [declared], writes: [declared] });
    expect(decision).toMatchObject({ allowed: true });
  });

  it("has no rights on another server, over tokens or the audit log", () => {
    expect(write({ spiffeId: `${td}/team-a/api` }, "bar").allowed).toBe(false);
    expect(can(principal, "tokens.manage").allowed).toBe(false);
    expect(can(principal, "audit.read").allowed).toBe(false);
  });
});
