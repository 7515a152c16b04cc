// The browser surface: a nonce-based CSP strict enough that an injected inline <script> would not
// run, no framing, no sniffing, no referrers, and nothing with data kept in a shared cache.
import { describe, expect, inject, it } from "vitest";

import { consoleFetch } from "../support/api";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectHardened(response: Response): Map<string, string[]> {
  const csp = response.headers.get("content-security-policy") ?? "";
  const policy = directives(csp);
  const scripts = policy.get("script-src") ?? [];
  expect(scripts).toContain("'self'");
  expect(scripts.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s))).toBe(true);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("cache-control")).toMatch(/no-store/);
  expect(response.headers.get("strict-transport-security")).toBeNull();
  return policy;
}

describe("response headers", () => {
  it("harden an API answer", async () => {
    const response = await consoleFetch("/api/servers");
    expect(response.status).toBe(200);
    expectHardened(response);
  });

  it("harden a page, whose scripts all carry this response's nonce", async () => {
    const response = await consoleFetch("/entries?server=foo");
    expect(response.status).toBe(200);
    const policy = expectHardened(response);
    const nonce = policy
      .get("script-src")!
      .find((s) => s.startsWith("'nonce-"))!
      .slice(7, -1);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("give every response its own nonce", async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => (await consoleFetch("/entries?server=foo")).headers.get("content-security-policy")),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("harden the sign-in redirect and the 401 answer too", async () => {
    expectHardened(await fetch(`${inject("consoleUrl")}/api/me`));
    const page = await fetch(`${inject("consoleUrl")}/entries`, { redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  });
});
