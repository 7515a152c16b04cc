import { describe, expect, it } from "vitest";

import { entryListQuerySchema } from "./list-queries";
import { readQuery } from "./query-string";
import { parseSelector } from "./selector";

describe("parseSelector", () => {
  it("splits at the first colon only", () => {
    expect(parseSelector("k8s:pod-label:app:checkout")).toEqual({ type: "k8s", value: "pod-label:app:checkout" });
    expect(parseSelector("unix:uid:1000")).toEqual({ type: "unix", value: "uid:1000" });
    expect(parseSelector("spiffe_id:spiffe://example.org/a")).toEqual({
      type: "spiffe_id",
      value: "spiffe://example.org/a",
    });
  });

  it.each(["", "nocolon", ":value", "unix:", "bad type:x", "uni$x:uid:1"])("rejects %j", (input) => {
    expect(parseSelector(input)).toHaveProperty("error");
  });
});

describe("entryListQuerySchema", () => {
  it("parses repeatable selectors, match mode and page size", () => {
    const params = new URLSearchParams("selector=k8s:ns:payments&selector=k8s:sa:api&match=exact&pageSize=50");
    const parsed = entryListQuerySchema.parse(readQuery(params));
    expect(parsed.selector).toEqual([
      { type: "k8s", value: "ns:payments" },
      { type: "k8s", value: "sa:api" },
    ]);
    expect(parsed.match).toBe("exact");
    expect(parsed.pageSize).toBe(50);
  });

  it("defaults the page size to 200 and rejects unknown parameters", () => {
    expect(entryListQuerySchema.parse({}).pageSize).toBe(200);
    expect(entryListQuerySchema.safeParse({ colour: "blue" }).success).toBe(false);
  });

  it.each([
    [{ pageSize: "0" }, "pageSize"],
    [{ pageSize: "5000" }, "pageSize"],
    [{ match: "fuzzy" }, "match"],
    [{ spiffeId: "spiffe://example.org/a/../b" }, "spiffeId"],
    [{ parentId: "not-an-id" }, "parentId"],
    [{ selector: ["broken"] }, "selector"],
    [{ federatesWith: ["Bad.Domain"] }, "federatesWith"],
  ])("reports the bad field of %j", (query, field) => {
    const result = entryListQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
});
