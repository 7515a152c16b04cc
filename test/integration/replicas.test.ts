// Several console replicas behind one address share one PostgreSQL store: a session made on one
// works on the others, a change through one is in the others' trees within 2 s (LISTEN/NOTIFY),
// a revoked token is refused everywhere at once, and their audit records form one chain. With
// SQLite, a second replica refuses to start. With PostgreSQL stopped, changes are refused.
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { AuditRecord } from "../../lib/store/types";
import type { PostgresServer } from "../../scripts/pg/server.ts";
import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { auditRecords } from "../support/audit";
import { signInOverHttp } from "../support/auth";
import { type RunningConsole, startConsole } from "../support/console-server";
import { startReplicaPair } from "../support/replica-pair";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const config = () => path.join(inject("stackDir"), "console.json");
const admin = () => ({ authorization: `Bearer ${inject("consoleToken")}` });
let pg: PostgresServer;
let a: RunningConsole;
let b: RunningConsole;
let agentId = "";

async function json<T>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as T };
}

const cliHas = async (spiffeId: string) =>
  (
    (
      await spireServerJson<{ entries: CliEntry[] | null }>(
        "foo",
        ["entry", "show", "-spiffeID", spiffeId],
        stackState(),
      )
    ).entries ?? []
  ).length > 0;

beforeAll(async () => {
  agentId = stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
  ({ postgres: pg, a, b } = await startReplicaPair(`replicas_${run}`, { config: config() }));
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe("two replicas on one PostgreSQL", () => {
  it("accept a session made on the other one", async () => {
    const agent = await signInOverHttp("admin", a.url);
    const cookie = `spire-console-session=${agent.cookies(a.url).get("spire-console-session")!}`;
    const me = await json<{ name: string; method: string }>(`${b.url}/api/me`, { headers: { cookie } });
    expect(me).toMatchObject({ status: 200, body: { name: "Ada Admin", method: "oidc" } });
  });

  it("show a change made through the other one in their tree within 2 s", async () => {
    const tree = (base: string) =>
      json<{ nodes: { spiffeId: string }[] }>(
        `${base}/api/servers/foo/entries/tree?parent=${encodeURIComponent(agentId)}&limit=1000`,
        { headers: admin() },
      );
    expect((await tree(b.url)).status).toBe(200);
    const spiffeId = `spiffe://foo.example.com/replicas-${run}/made-on-a`;
    const created = await fetch(`${a.url}/api/servers/foo/entries`, {
      method: "POST",
      headers: { ...admin(), "content-type": "application/json" },
      body: JSON.stringify({ spiffeId, parentId: agentId, selectors: [{ type: "unix", value: "uid:5151" }] }),
    });
    expect(created.status).toBe(201);
    const started = Date.now();
    let seenAfter = -1;
    while (Date.now() - started < 5_000) {
      if ((await tree(b.url)).body.nodes.some((n) => n.spiffeId === spiffeId)) {
        seenAfter = Date.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seenAfter).toBeGreaterThanOrEqual(0);
    expect(seenAfter).toBeLessThan(2_000);
  });

  it("refuse a token revoked on the other one at once", async () => {
    const created = await json<{ token: string; summary: { id: string } }>(`${a.url}/api/tokens`, {
      method: "POST",
      headers: { ...admin(), "content-type": "application/json" },
      body: JSON.stringify({ name: `replicas ${run}`, bindings: [{ role: "viewer" }] }),
    });
    const bearer = { authorization: `Bearer ${created.body.token}` };
    expect((await fetch(`${b.url}/api/me`, { headers: bearer })).status).toBe(200);
    const revoked = await fetch(`${a.url}/api/tokens/${created.body.summary.id}`, {
      method: "DELETE",
      headers: admin(),
    });
    expect(revoked.status).toBe(200);
    expect((await fetch(`${b.url}/api/me`, { headers: bearer })).status).toBe(401);
  });

  it("write one audit chain between them", async () => {
    const records = await auditRecords({ limit: "500" }, a.url);
    expect(new Set(records.map((r: AuditRecord) => r.replicaId))).toEqual(new Set(["replica-a", "replica-b"]));
    const check = await json<{ ok: boolean }>(`${b.url}/api/audit/verify`, {
      method: "POST",
      headers: { ...admin(), "content-type": "application/json" },
      body: "{}",
    });
    expect(check.body.ok).toBe(true);
  });

  it("refuse changes with 503 once PostgreSQL is down, and SPIRE gets nothing", async () => {
    await pg.stop();
    const spiffeId = `spiffe://foo.example.com/replicas-${run}/while-down`;
    const created = await fetch(`${a.url}/api/servers/foo/entries`, {
      method: "POST",
      headers: { ...admin(), "content-type": "application/json" },
      body: JSON.stringify({ spiffeId, parentId: agentId, selectors: [{ type: "unix", value: "uid:5152" }] }),
    });
    expect(created.status).toBe(503);
    expect(await cliHas(spiffeId)).toBe(false);
  });
});

describe("SQLite and several replicas", () => {
  it("refuses to start a console told it is one of several replicas", async () => {
    await expect(startConsole({ SPIRE_CONSOLE_CONFIG: config(), SPIRE_CONSOLE_REPLICAS: "3" })).rejects.toThrow(
      /refuses to start: SPIRE_CONSOLE_REPLICAS is 3, but the store is SQLite/,
    );
  });

  it("refuses to start a second console on a SQLite store that another one uses", async () => {
    const dataDir = inject("consoleDataDir");
    await expect(startConsole({ SPIRE_CONSOLE_CONFIG: config(), SPIRE_CONSOLE_DATA_DIR: dataDir })).rejects.toThrow(
      /refuses to start: another console \(pid \d+ on .*\) is using the SQLite store/,
    );
  });
});
