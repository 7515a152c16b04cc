import { describe, expect, it } from "vitest";

import { safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it.each([
    ["/entries?server=foo", "/entries?server=foo"],
    ["/entries/abc/edit?server=foo#ttl", "/entries/abc/edit?server=foo#ttl"],
    ["/", "/"],
  ])("keeps the local path %s", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });

  it.each([
    ["https://evil.example/", "an absolute URL"],
    ["//evil.example/", "a protocol-relative URL"],
    ["/\\evil.example", "a backslash path browsers read as //"],
    ["\\\\evil.example", "backslashes"],
    ["javascript:alert(1)", "a javascript: URL"],
    ["/%0d%0aSet-Cookie:x", "is fine percent-encoded"],
    ["/\nSet-Cookie: x", "a raw newline"],
    ["entries", "a relative path"],
    ["/auth/login?returnTo=/auth/login", "a loop back into sign-in"],
    ["/" + "a".repeat(5000), "an oversized path"],
    ["", "nothing"],
  ])("refuses or neutralises %s (%s)", (input) => {
    const result = safeReturnTo(input);
    expect(result.startsWith("/")).toBe(true);
    expect(result.startsWith("//")).toBe(false);
    expect(new URL(result, "http://console.invalid").origin).toBe("http://console.invalid");
    expect(result).not.toMatch(/[\r\n\\]/);
    if (!input.startsWith("/%0d")) expect(result).toBe("/");
  });
});
