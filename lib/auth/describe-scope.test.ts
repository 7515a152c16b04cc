import { describe, expect, it } from "vitest";

import { testPrincipal } from "@/test/support/principal";

import { allowedPathPrefix, describeRole, describeWriteScope, permittedServers } from "./describe-scope";

const td = "foo.example.com";
const editor = testPrincipal(
  { role: "editor", servers: ["foo"], spiffeIdPrefixes: [`spiffe://${td}/team-a/`], dnsSuffixes: ["team-a.svc"] },
  { role: "viewer", servers: ["bar"] },
);

describe("describeWriteScope", () => {
  it("lists the editor's prefixes and suffixes on its server, and nothing where it only reads", () => {
    const [line, ...rest] = describeWriteScope(editor, "foo");
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ role: "editor", spiffeIdPrefixes: [`spiffe://${td}/team-a/`] });
    expect(line?.dnsSuffixes).toEqual(["team-a.svc"]);
    expect(line?.parentIdPrefixes).toEqual([]);
    expect(describeWriteScope(editor, "bar")).toEqual([]);
  });

  it("says 'any' for an unscoped admin", () => {
    const [line] = describeWriteScope(testPrincipal({ role: "admin" }), "foo");
    expect(line).toMatchObject({ spiffeIdPrefixes: "any", dnsSuffixes: "any", limits: [] });
  });
});

describe("allowedPathPrefix", () => {
  it("starts a scoped editor's form at its prefix, and an admin's at nothing", () => {
    expect(allowedPathPrefix(editor, "foo", td)).toBe("/team-a/");
    expect(allowedPathPrefix(editor, "foo", "other.example")).toBe("");
    expect(allowedPathPrefix(testPrincipal({ role: "admin" }), "foo", td)).toBe("");
  });
});

describe("permittedServers and describeRole", () => {
  it("keeps only the servers a binding covers", () => {
    const servers = [{ name: "foo" }, { name: "bar" }, { name: "baz" }];
    expect(permittedServers(editor, servers).map((s) => s.name)).toEqual(["foo", "bar"]);
    expect(permittedServers(testPrincipal({ role: "viewer" }), servers)).toHaveLength(3);
    expect(permittedServers(null, servers)).toEqual([]);
  });

  it("says what a role may do in words, never a permission ID", () => {
    expect(describeRole("viewer")).toContain("read entries");
    expect(describeRole("viewer").join(" ")).not.toMatch(/\w\.\w/);
  });
});
