// Forged, tampered, expired, revoked and mis-scoped credentials, and cross-site changes made with a real
// session cookie: each gets 401 or 403 with a clear message, and nothing changes in SPIRE (the CLI's entry
// count is the witness).
import { beforeAll, describe, expect, inject, it } from "vitest";

import { consoleFetch } from "../support/api";
import { createToken, openConsoleDb, signInOverHttp } from "../support/auth";
import { consoleUrl, create, expectNoEntryCreated, run, SESSION, sessionOf } from "../support/auth-bad-inputs";

let admin: Awaited<ReturnType<typeof signInOverHttp>>;

expectNoEntryCreated();
beforeAll(async () => {
  admin = await signInOverHttp("admin");
});

describe("bearer tokens", () => {
  it.each([
    ["a missing Authorization header", {}, /sign in/i],
    ["a Basic Authorization header", { authorization: "Basic YWRtaW46YWRtaW4=" }, /Bearer <token>/],
    ["an empty bearer token", { authorization: "Bearer " }, /Bearer <token>/],
    ["a bearer token with spaces", { authorization: "Bearer abc def ghi jkl mno" }, /Bearer <token>/],
    ["a forged token", { authorization: `Bearer spc_${"A".repeat(43)}` }, /not valid/],
    ["an oversized token", { authorization: `Bearer ${"x".repeat(600)}` }, /Bearer <token>/],
    ["the bootstrap token with one character changed", {}, /not valid/],
  ])("refuses %s with 401", async (name, headers, message) => {
    const token = inject("consoleToken");
    const sent = name.startsWith("the bootstrap")
      ? { authorization: `Bearer ${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}` }
      : headers;
    const result = await create(sent);
    expect(result.status).toBe(401);
    expect(result.error?.code).toBe("unauthenticated");
    expect(result.error?.message).toMatch(message);
  });

  it("refuses a revoked token at once", async () => {
    const token = await createToken(`revoked ${run}`, [{ role: "admin" }]);
    expect((await fetch(`${consoleUrl()}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const list = (await (await consoleFetch("/api/tokens")).json()) as { tokens: { id: string; name: string }[] };
    const id = list.tokens.find((t) => t.name === `revoked ${run}`)!.id;
    expect((await consoleFetch(`/api/tokens/${id}`, { method: "DELETE" })).status).toBe(200);
    const result = await create({ authorization: `Bearer ${token}` });
    expect(result.status).toBe(401);
    expect(result.error?.message).toMatch(/was revoked/);
  });

  it("refuses an expired token", async () => {
    const token = await createToken(`expired ${run}`, [{ role: "admin" }], 1);
    const db = openConsoleDb();
    db.prepare("UPDATE api_tokens SET expires_at = ? WHERE name = ?").run(Date.now() - 1000, `expired ${run}`);
    db.close();
    const result = await create({ authorization: `Bearer ${token}` });
    expect(result.status).toBe(401);
    expect(result.error?.message).toMatch(/has expired/);
  });

  it("refuses a token scoped to another server", async () => {
    const token = await createToken(`bar only ${run}`, [{ role: "admin", servers: ["bar"] }]);
    const result = await create({ authorization: `Bearer ${token}` });
    expect(result.status).toBe(403);
    expect(result.error?.message).toMatch(/covers bar, not 'foo'/);
  });
});

describe("session cookies", () => {
  const withCookie = (value: string) => ({ cookie: `${SESSION}=${value}`, origin: consoleUrl() });

  it.each([
    ["a forged session cookie", () => "A".repeat(43)],
    ["a tampered session cookie", () => `${sessionOf(admin).slice(0, -2)}xy`],
    ["a session cookie with odd characters", () => "../../etc/passwd%00"],
    ["an oversized session cookie value", () => "B".repeat(2000)],
    ["an empty session cookie", () => ""],
  ])("refuses %s with 401 and sends the browser to sign-in", async (_name, value) => {
    const result = await create(withCookie(value()));
    expect(result.status).toBe(401);
    expect(result.error?.code).toBe("unauthenticated");
    const page = await fetch(`${consoleUrl()}/entries`, { headers: withCookie(value()), redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/auth\/login\?returnTo=%2Fentries$/);
  });

  it("accepts the real session, and refuses it once it has been idle too long", async () => {
    const agent = await signInOverHttp("admin");
    const cookie = sessionOf(agent);
    expect((await fetch(`${consoleUrl()}/api/me`, { headers: withCookie(cookie) })).status).toBe(200);
    const db = openConsoleDb();
    db.prepare("UPDATE sessions SET last_seen_at = ?").run(Date.now() - 3 * 3_600_000);
    db.close();
    const result = await create(withCookie(cookie));
    expect(result.status).toBe(401);
    expect((await fetch(`${consoleUrl()}/api/me`, { headers: withCookie(sessionOf(admin)) })).status).toBe(401);
    admin = await signInOverHttp("admin");
  });

  it("refuses a session past its absolute lifetime even when active", async () => {
    const agent = await signInOverHttp("viewer");
    const db = openConsoleDb();
    db.prepare("UPDATE sessions SET expires_at = ? WHERE name = 'Vera Viewer'").run(Date.now() - 1);
    db.close();
    expect((await fetch(`${consoleUrl()}/api/me`, { headers: withCookie(sessionOf(agent)) })).status).toBe(401);
  });
});

describe("cross-site requests with a session cookie", () => {
  const cookie = () => `${SESSION}=${sessionOf(admin)}`;
  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }, /origin https:\/\/evil\.example/],
    ["no Origin at all", {}, /Origin header/],
    ["Origin: null", { origin: "null" }, /origin null/],
    ["the console's origin on another port", { origin: "http://127.0.0.1:1" }, /127\.0\.0\.1:1/],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site", origin: "x" }, /Cross-site/],
  ])("refuses a change with %s (403)", async (_name, headers, message) => {
    const result = await create({ cookie: cookie(), ...headers });
    expect(result.status).toBe(403);
    expect(result.error?.message).toMatch(message);
  });

  it("refuses signing out from another origin and keeps the session", async () => {
    const response = await fetch(`${consoleUrl()}/auth/logout`, {
      method: "POST",
      headers: { cookie: cookie(), origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect((await fetch(`${consoleUrl()}/api/me`, { headers: { cookie: cookie() } })).status).toBe(200);
  });
});
