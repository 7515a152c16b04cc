// Auth-related bad inputs: forged, tampered, expired and revoked credentials, CSRF and Host
// tricks, oversized headers, sign-in replays and open redirects. Each gets the right status and a
// clear message, and nothing changes in SPIRE (the CLI's entry count is the witness).
import { readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";
import { createToken, openConsoleDb, signInOverHttp, signInUntilCallback } from "../support/auth";
import { type RunningConsole, startConsole } from "../support/console-server";

const consoleUrl = () => inject("consoleUrl");
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const SESSION = "spire-console-session";
let entriesBefore = 0;
let agentId = "";

const cliCount = async () =>
  ((await spireServerJson<{ entries: CliEntry[] | null }>("foo", ["entry", "show"], stackState())).entries ?? [])
    .length;

/** A valid create body for team A (so only the credential decides). */
const body = () =>
  JSON.stringify({
    spiffeId: `spiffe://foo.example.com/team-a/bad-input-${run}-${Math.random().toString(36).slice(2, 8)}`,
    parentId: agentId,
    selectors: [{ type: "unix", value: "uid:4242" }],
  });

/** A create through `headers` only (no default token); returns status and error. */
async function create(headers: Record<string, string>) {
  const response = await fetch(`${consoleUrl()}/api/servers/foo/entries`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: body(),
  });
  const json = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  return { status: response.status, error: json.error, response };
}

/** A raw GET with any Host and headers (fetch would not let a test set Host). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const target = new URL(path, consoleUrl());
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, headers },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

let admin: Awaited<ReturnType<typeof signInOverHttp>>;
const sessionOf = (agent: typeof admin) => agent.cookies(consoleUrl()).get(SESSION)!;

beforeAll(async () => {
  agentId = stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
  admin = await signInOverHttp("admin");
  entriesBefore = await cliCount();
});
afterAll(async () => {
  expect(await cliCount(), "no bad input may have created an entry").toBe(entriesBefore);
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

describe("hosts, proxies and headers", () => {
  it("refuses a foreign Host on the API (DNS rebinding) with 421", async () => {
    const result = await rawGet("/api/servers", {
      host: "rebind.evil.example",
      authorization: `Bearer ${inject("consoleToken")}`,
    });
    expect(result.status).toBe(421);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: "misdirected_request" } });
  });

  it("refuses a foreign Host on a page with 421", async () => {
    expect((await rawGet("/entries", { host: "rebind.evil.example" })).status).toBe(421);
  });

  it("answers /metrics on the UI port to its own host and to an IP address, not to a rebound name", async () => {
    const port = new URL(consoleUrl()).port;
    expect((await rawGet("/metrics", { host: "rebind.evil.example" })).status).toBe(421);
    expect((await rawGet("/metrics", { host: `rebind.evil.example:${port}` })).body).not.toMatch(/^# HELP/m);
    for (const host of [`127.0.0.1:${port}`, `10.1.2.3:${port}`]) {
      const answer = await rawGet("/metrics", { host });
      expect(answer.status, host).toBe(200);
      expect(answer.body).toMatch(/^# HELP/m);
    }
  });

  it("accepts localhost on the listening port as well as 127.0.0.1", async () => {
    const port = new URL(consoleUrl()).port;
    const result = await rawGet("/api/me", {
      host: `localhost:${port}`,
      authorization: `Bearer ${inject("consoleToken")}`,
    });
    expect(result.status).toBe(200);
  });

  it("believes no user asserted in headers by an untrusted client", async () => {
    const result = await create({
      "x-forwarded-user": "admin",
      "x-forwarded-groups": "spire-admins",
      origin: consoleUrl(),
    });
    expect(result.status).toBe(401);
  });

  it("ignores X-Forwarded-Host from an untrusted client when building the sign-in redirect", async () => {
    const response = await fetch(`${consoleUrl()}/auth/login`, {
      headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      redirect: "manual",
    });
    const location = new URL(response.headers.get("location")!);
    expect(location.searchParams.get("redirect_uri")).toBe(`${consoleUrl()}/auth/callback`);
  });

  it("answers oversized headers with 431 before anything runs", async () => {
    const result = await rawGet("/api/me", { cookie: `big=${"c".repeat(20_000)}` });
    expect(result.status).toBe(431);
  });

  it.each([["%25"], ["%E0%A4%A"], ["..%2F..%2Fetc%2Fpasswd"]])(
    "answers an odd path encoding (%s) with 400 or 404, never 500",
    async (segment) => {
      const response = await consoleFetch(`/api/servers/foo/entries/${segment}`);
      expect([400, 404]).toContain(response.status);
    },
  );
});

describe("the sign-in flow", () => {
  it("cannot be replayed: the same callback a second time starts no session", async () => {
    const { agent, callback } = await signInUntilCallback("viewer");
    const loginCookie = agent.cookies(consoleUrl()).get("spire-console-login")!;
    const first = await agent.request(callback);
    expect(first.status).toBe(303);
    expect(agent.cookies(consoleUrl()).has(SESSION)).toBe(true);
    const replay = await fetch(callback, {
      headers: { cookie: `spire-console-login=${loginCookie}` },
      redirect: "manual",
    });
    expect(replay.status).toBe(303);
    // The sealed login state is single-use: refused before the provider is asked about the code again.
    expect(replay.headers.get("location")).toMatch(/\/auth\/error\?reason=expired/);
    expect(replay.headers.getSetCookie().some((c) => c.startsWith(`${SESSION}=`) && !/Max-Age=0/.test(c))).toBe(false);
  });

  it("refuses a callback without its login-state cookie", async () => {
    const { callback } = await signInUntilCallback("viewer");
    const response = await fetch(callback, { redirect: "manual" });
    expect(response.headers.get("location")).toMatch(/\/auth\/error\?reason=expired/);
  });

  it("refuses a callback with a tampered login-state cookie", async () => {
    const { agent, callback } = await signInUntilCallback("viewer");
    const tampered = `${agent.cookies(consoleUrl()).get("spire-console-login")!.slice(0, -3)}abc`;
    const response = await fetch(callback, {
      headers: { cookie: `spire-console-login=${tampered}` },
      redirect: "manual",
    });
    expect(response.headers.get("location")).toMatch(/\/auth\/error\?reason=expired/);
  });

  it("refuses a callback whose state does not match", async () => {
    const { agent, callback } = await signInUntilCallback("viewer");
    callback.searchParams.set("state", "forged-state");
    const response = await agent.request(callback);
    expect(response.headers.get("location")).toMatch(/\/auth\/error\?reason=refused/);
  });

  it.each([
    ["https://evil.example/"],
    ["//evil.example/"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["/auth/logout"],
  ])("never returns to %s after signing in (open redirect)", async (returnTo) => {
    const { agent, callback } = await signInUntilCallback("viewer", returnTo);
    const response = await agent.request(callback);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${consoleUrl()}/`);
  });

  it("returns to a local path after signing in", async () => {
    const { agent, callback } = await signInUntilCallback("viewer", "/entries?server=foo");
    const response = await agent.request(callback);
    expect(response.headers.get("location")).toBe(`${consoleUrl()}/entries?server=foo`);
  });
});

describe("rate limits", () => {
  let limited: RunningConsole;
  beforeAll(async () => {
    const config = JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as {
      auth: Record<string, unknown>;
    };
    config.auth.rateLimits = { signInPerMinute: 2, mutationsPerMinute: 2 };
    const file = path.join(inject("stackDir"), `console-rate-limited-${run}.json`);
    writeFileSync(file, JSON.stringify(config));
    limited = await startConsole({ SPIRE_CONSOLE_CONFIG: file });
  }, 90_000);
  afterAll(async () => {
    await limited?.stop();
  });

  it("answers the third sign-in within a minute from one address with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 3; i++) {
      last = await fetch(`${limited.url}/auth/login`, { redirect: "manual" });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([303, 303, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last!.text()).toMatch(/Too many sign-in attempts/);
  });

  it("answers the third change within a minute by one principal with 429 and Retry-After", async () => {
    const before = await cliCount();
    const auth = { authorization: `Bearer ${inject("consoleToken")}`, "content-type": "application/json" };
    const send = () =>
      fetch(`${limited.url}/api/servers/foo/federations/bar.example.com/refresh`, {
        method: "POST",
        headers: auth,
        body: "{}",
      });
    const statuses = [(await send()).status, (await send()).status];
    const third = await send();
    expect(statuses).toEqual([204, 204]);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe("too_many_requests");
    expect(await cliCount()).toBe(before);
  });
});
