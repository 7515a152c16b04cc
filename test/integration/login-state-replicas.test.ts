// The sealed login state is single-use across replicas: two consoles share one PostgreSQL store behind
// one address (a small balancer in this test that sends each request to the replica it is told to). A
// login cookie and callback already used at replica A, replayed at replica B, are refused there with
// the same answer as at A, and no session is created; a sign-in begun at A may still finish at B.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PostgresServer } from "../../scripts/pg/server.ts";
import { auditRecords } from "../support/audit";
import { CookieAgent, signInUntilCallback } from "../support/auth";
import type { RunningConsole } from "../support/console-server";
import { startReplicaPair } from "../support/replica-pair";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const database = `login_states_${run}`;
let databaseUrl = "";
let postgres: PostgresServer | undefined;
let a: RunningConsole;
let b: RunningConsole;
let balancer: Server;
let publicUrl = "";
/** The replica the balancer sends the next requests to. */
let target: RunningConsole;

/** Forwards each request as it is (Host included, no X-Forwarded-For) to the current target replica. */
function startBalancer(): Promise<Server> {
  const server = createServer((req, res) => {
    const upstream = new URL(target.url);
    const out = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on("error", () => res.writeHead(502).end());
    req.pipe(out);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function storeCount(table: "sessions" | "used_login_states"): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  balancer = await startBalancer();
  publicUrl = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}`;
  ({ postgres, a, b, databaseUrl } = await startReplicaPair(database, {
    env: { SPIRE_CONSOLE_PUBLIC_ORIGIN: publicUrl },
  }));
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await new Promise((resolve) => balancer?.close(resolve));
  // The PostgreSQL server is the test's to stop, as the other PostgreSQL tests do: npm test leaves none running.
  await postgres?.stop();
}, 120_000);

describe("the sealed login state with two replicas on one PostgreSQL store", () => {
  it("may be used once at either replica: a sign-in begun at A finishes at B", async () => {
    target = a;
    const { agent, callback } = await signInUntilCallback("viewer", "/", publicUrl);
    target = b;
    const finished = await agent.request(callback);
    expect(finished.status).toBe(303);
    expect(finished.headers.get("location")).toBe(`${publicUrl}/`);
    expect(agent.cookies(publicUrl).has("spire-console-session")).toBe(true);
  });

  it("used at replica A, is refused when replayed at replica B, and B creates no session", async () => {
    target = a;
    const { agent, callback } = await signInUntilCallback("viewer", "/", publicUrl);
    const loginCookie = [...agent.cookies(publicUrl)].find(([name]) => name.includes("login"));
    expect(loginCookie).toBeDefined();
    const finished = await agent.request(callback);
    expect(finished.status).toBe(303);
    expect(agent.cookies(publicUrl).has("spire-console-session")).toBe(true);
    const sessions = await storeCount("sessions");
    const used = await storeCount("used_login_states");

    target = b;
    const attacker = new CookieAgent();
    attacker.cookies(publicUrl).set(loginCookie![0], loginCookie![1]);
    const replay = await attacker.request(callback);
    expect(replay.status).toBe(303);
    // The same answer as a replay at the same replica (the provider's own refusal of the used code
    // would be reason=refused: B refused it before asking the provider).
    expect(replay.headers.get("location")).toBe(`${publicUrl}/auth/error?reason=expired`);
    expect(attacker.cookies(publicUrl).has("spire-console-session")).toBe(false);
    expect(await storeCount("sessions")).toBe(sessions);
    expect(await storeCount("used_login_states")).toBe(used);

    const denied = (await auditRecords({ action: "auth.sign-in", outcome: "denied" }, publicUrl)).filter(
      (r) => r.replicaId === "replica-b",
    );
    expect(denied.map((r) => r.error?.message)).toEqual(["login state missing, expired or already used"]);
  });
});
