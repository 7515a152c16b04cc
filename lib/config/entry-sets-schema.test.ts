import { describe, expect, it } from "vitest";

import { consoleConfigSchema } from "./schema";

const servers = [{ name: "foo", address: "unix:///tmp/foo/api.sock", trustDomain: "foo.example.com" }];

describe("entrySets config", () => {
  it("defaults the interval to 60 seconds and autoApply to off", () => {
    const config = consoleConfigSchema.parse({
      servers,
      entrySets: [{ name: "team-a", server: "foo", path: "/sets/a" }],
    });
    expect(config.entrySets).toEqual([
      { name: "team-a", server: "foo", path: "/sets/a", interval: 60, autoApply: false },
    ]);
  });

  it("is empty when absent", () => {
    expect(consoleConfigSchema.parse({ servers }).entrySets).toEqual([]);
  });

  it.each([
    [[{ name: "a", server: "bar", path: "/x" }], "entrySets.0.server", "server 'bar' is not configured"],
    [[{ name: "A b", server: "foo", path: "/x" }], "entrySets.0.name", "name must be lowercase"],
    [[{ name: "a", server: "foo", path: "" }], "entrySets.0.path", "path must not be empty"],
    [[{ name: "a", server: "foo", path: "/x", interval: 0 }], "entrySets.0.interval", "at least 1 second"],
    [[{ name: "a", server: "foo", path: "/x", interval: 1.5 }], "entrySets.0.interval", "whole seconds"],
    [[{ name: "a", server: "foo", path: "/x", prune: true }], "entrySets.0", "prune"],
    [
      [
        { name: "a", server: "foo", path: "/x" },
        { name: "a", server: "foo", path: "/y" },
      ],
      "entrySets.1.name",
      "duplicate entry set name 'a'",
    ],
  ])("refuses %j at %s", (entrySets, field, message) => {
    const result = consoleConfigSchema.safeParse({ servers, entrySets });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join(".") === field);
    expect(issue?.message ?? JSON.stringify(issue)).toContain(message);
  });
});

describe("entriesAsCode config", () => {
  it("defaults the mass-delete guard to 100 entries and 10%", () => {
    expect(consoleConfigSchema.parse({ servers }).entriesAsCode).toEqual({
      massDeleteLimit: 100,
      massDeletePercent: 10,
    });
  });

  it("takes other limits and refuses impossible ones", () => {
    const parsed = consoleConfigSchema.parse({ servers, entriesAsCode: { massDeleteLimit: 1000 } });
    expect(parsed.entriesAsCode).toEqual({ massDeleteLimit: 1000, massDeletePercent: 10 });
    const bad = consoleConfigSchema.safeParse({ servers, entriesAsCode: { massDeletePercent: 150, limit: 1 } });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["entriesAsCode.massDeletePercent", "entriesAsCode"]));
  });
});
