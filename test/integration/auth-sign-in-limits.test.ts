// Denials and sign-in limits that cannot be turned against users, written as the attacks on a
// console of their own (limits are per process): brute-forcing bearer tokens from one address (429
// with Retry-After, then even a valid token from there is not checked, while other addresses are
// unaffected; the denials folded into records with a count, each with the client address and
// request ID; SPIRE gets nothing), replaying a sealed login state (refused, no session), hammering
// /auth/callback (429), and X-Forwarded-For from a private peer not in trustedProxies (not believed,
// and the console warns once).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { AuditRecord } from "../../lib/store/types";
import { waitFor } from "../support/api";
import { auditRecords } from "../support/audit";
import { CookieAgent, signInUntilCallback } from "../support/auth";
import { type RunningConsole, startConsole } from "../support/console-server";
import { requestFrom } from "../support/peer-request";
import { cliEntriesWithId } from "../support/spire-witness";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const spiffeId = `spiffe://foo.example.com/it-limits/${run}/brute`;
const FAILED_AUTH_LIMIT = 5;
const SIGN_IN_LIMIT = 4;
const FOLD_SECONDS = 3;

let server: RunningConsole;
let dataDir: string;

beforeAll(async () => {
  const stackDir = inject("stackDir");
  const config = JSON.parse(readFileSync(path.join(stackDir, "console.json"), "utf8")) as Record<string, unknown>;
  const auth = config.auth as Record<string, unknown>;
  auth.rateLimits = {
    signInPerMinute: SIGN_IN_LIMIT,
    failedAuthPerMinute: FAILED_AUTH_LIMIT,
    denialFoldSeconds: FOLD_SECONDS,
  };
  const file = path.join(stackDir, `console-limits-${run}.json`);
  writeFileSync(file, JSON.stringify(config));
  dataDir = mkdtempSync(path.join(tmpdir(), "spire-console-limits-"));
  server = await startConsole({ SPIRE_CONSOLE_CONFIG: file, SPIRE_CONSOLE_DATA_DIR: dataDir });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

function sessionCount(): number {
  const db = new DatabaseSync(path.join(dataDir, "console.sqlite"), { readOnly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM sessions").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const createEntry = (token: string, from: string) =>
  requestFrom(from, `${server.url}/api/servers/foo/entries`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      spiffeId,
      parentId: "spiffe://foo.example.com/spire/server",
      selectors: [{ type: "unix", value: "uid:4242" }],
    }),
  });

describe("an address that is not a trusted proxy sends X-Forwarded-For", () => {
  it("is not believed (the peer stays the client) and the console warns once", async () => {
    const headers = { "x-forwarded-for": "203.0.113.9", authorization: "Bearer not-a-valid-token-at-all" };
    const first = await requestFrom("127.0.0.5", `${server.url}/api/me`, { headers });
    expect(first.status).toBe(401);
    await requestFrom("127.0.0.5", `${server.url}/api/me`, { headers });
    const warnings = server.output().match(/127\.0\.0\.5 sent X-Forwarded-For but is not in trustedProxies/g) ?? [];
    expect(warnings).toHaveLength(1);
    const records = await auditRecords({ action: "auth.denied" }, server.url);
    const mine = records.filter((r) => r.clientAddress === "127.0.0.5");
    expect(mine.length).toBeGreaterThan(0);
    expect(records.some((r) => r.clientAddress === "203.0.113.9")).toBe(false);
  });
});

describe("brute-forcing bearer tokens from one address", () => {
  it(`answers 401 ${FAILED_AUTH_LIMIT} times, then 429 with Retry-After; SPIRE gets nothing`, async () => {
    const statuses: number[] = [];
    let retryAfter: string | string[] | undefined;
    for (let i = 0; i < FAILED_AUTH_LIMIT + 2; i++) {
      const response = await createEntry(`guess-${run}-${i}-${"x".repeat(20)}`, "127.0.0.3");
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers["retry-after"];
    }
    expect(statuses).toEqual([...Array<number>(FAILED_AUTH_LIMIT).fill(401), 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(await cliEntriesWithId(spiffeId)).toEqual([]);
  });

  it("does not even check a valid token from that address while it is limited; SPIRE still gets nothing", async () => {
    const response = await createEntry(inject("consoleToken"), "127.0.0.3");
    expect(response.status).toBe(429);
    expect(await cliEntriesWithId(spiffeId)).toEqual([]);
  });

  it("cannot be turned against anyone else: the same valid token from another address works", async () => {
    const response = await requestFrom("127.0.0.1", `${server.url}/api/me`, {
      headers: { authorization: `Bearer ${inject("consoleToken")}` },
    });
    expect(response.status).toBe(200);
  });

  it("is audited with the client address and request ID, repeats folded into one record with a count", async () => {
    const ours = async () =>
      (await auditRecords({ action: "auth.denied" }, server.url)).filter((r) => r.clientAddress === "127.0.0.3");
    // The folded repeats are written when their window (FOLD_SECONDS) closes.
    await waitFor(async () => ((await ours()).length >= 4 ? true : undefined), 15_000, "the folded denial records");
    const records = await ours();
    const refused = records.filter((r) => r.error?.code === "unauthenticated");
    const counts = refused.map((r) => (r.after as { count: number }).count).sort();
    expect(counts).toEqual([1, FAILED_AUTH_LIMIT - 1]);
    const limited = records.filter((r) => r.error?.code === "too_many_requests");
    expect(limited.map((r) => (r.after as { count: number }).count).reduce((a, b) => a + b, 0)).toBe(3);
    for (const record of records as AuditRecord[]) {
      expect(record.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(record.target).toMatchObject({ type: "action", id: "entries.write" });
    }
  });
});

describe("the sealed login state", () => {
  it("is single-use: replaying the callback with the same login cookie is refused and starts no session", async () => {
    const { agent, callback } = await signInUntilCallback("viewer", "/", server.url);
    const loginCookie = [...agent.cookies(server.url)].find(([name]) => name.includes("login"));
    expect(loginCookie).toBeDefined();
    const finished = await agent.request(callback);
    expect(finished.status).toBe(303);
    expect(agent.cookies(server.url).has("spire-console-session")).toBe(true);
    const sessions = sessionCount();

    const attacker = new CookieAgent();
    attacker.cookies(server.url).set(loginCookie![0], loginCookie![1]);
    const replay = await attacker.request(callback);
    expect(replay.status).toBe(303);
    expect(replay.headers.get("location")).toContain("/auth/error?reason=expired");
    expect(attacker.cookies(server.url).has("spire-console-session")).toBe(false);
    expect(sessionCount()).toBe(sessions);
  });
});

describe("/auth/callback", () => {
  it(`is rate limited per address: after ${SIGN_IN_LIMIT} callbacks, 429 with Retry-After and no session`, async () => {
    const sessions = sessionCount();
    const statuses: number[] = [];
    let retryAfter: string | string[] | undefined;
    for (let i = 0; i < SIGN_IN_LIMIT + 1; i++) {
      const response = await requestFrom("127.0.0.4", `${server.url}/auth/callback?code=guess${i}&state=guess${i}`);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers["retry-after"];
    }
    expect(statuses).toEqual([...Array<number>(SIGN_IN_LIMIT).fill(303), 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(sessionCount()).toBe(sessions);
  });
});
