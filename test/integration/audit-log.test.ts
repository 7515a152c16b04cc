// The audit log on the real stack: every change through the console leaves its records, with the
// whole entry before and after matching what the `spire-server` CLI shows; a denial leaves a
// `denied` record and changes nothing; with the log unwritable nothing changes at all (and the
// failure is counted in /metrics).
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { AuditRecord } from "../../lib/store/types";
import { type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";
import { auditRecords, intentOf } from "../support/audit";
import { createToken, openConsoleDb, signInOverHttp } from "../support/auth";
import { repoRoot } from "../support/console-server";
import { type ExtraAgent, startExtraAgent } from "../support/extra-agent";
import { sample, scrape } from "../support/prometheus";

const td = "spiffe://foo.example.com";
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const id = (p: string) => `${td}/audit-${run}/${p}`;
const metricsUrl = () => `${inject("consoleUrl")}/metrics`;
const auditWriteFailures = "spire_console_audit_write_failures_total";
let agentId = "";
let extra: ExtraAgent;

type CliRow = CliEntry & { revision_number?: string | number; x509_svid_ttl?: number };
const cliEntries = async (args: string[]) =>
  (await spireServerJson<{ entries: CliRow[] | null }>("foo", ["entry", "show", ...args], stackState())).entries ?? [];

async function send(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await consoleFetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

/** The entry fields the CLI and the console both show, in the console's shape. */
function fromCli(row: CliRow) {
  return {
    id: row.id,
    spiffeId: idToString(row.spiffe_id),
    parentId: idToString(row.parent_id),
    x509SvidTtl: row.x509_svid_ttl,
    revisionNumber: Number(row.revision_number ?? 0),
  };
}

const entryBody = (spiffeId: string) => ({
  spiffeId,
  parentId: agentId,
  selectors: [{ type: "unix", value: `uid:${3000 + Math.floor(Math.random() * 1000)}` }],
  x509SvidTtl: 3600,
});

beforeAll(async () => {
  agentId = stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
  extra = await startExtraAgent(stackState(), inject("stackDir"));
});
afterAll(async () => {
  await extra?.stop();
});

function expectActorIsAdminToken(record: AuditRecord) {
  expect(record.actor).toMatchObject({ kind: "token", method: "bootstrap", name: "bootstrap token" });
  expect(record.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(record.replicaId.length).toBeGreaterThan(0);
  expect(record.clientAddress).toMatch(/127\.0\.0\.1/);
}

describe("every change leaves its records", () => {
  it("records a create, an edit and a delete with the entry before and after, as the CLI shows it", async () => {
    const spiffeId = id("lifecycle");
    const created = await send("POST", "/api/servers/foo/entries", entryBody(spiffeId));
    expect(created.status).toBe(201);
    const entryId = created.body.id as string;
    const [afterCreate] = await cliEntries(["-entryID", entryId]);

    const creates = await auditRecords({ action: "entry.create", target: spiffeId });
    expect(creates).toHaveLength(1);
    const [create] = creates;
    expect(create).toMatchObject({ outcome: "ok", server: "foo", trustDomain: "foo.example.com", before: null });
    expect(create!.target).toEqual({ type: "entry", id: entryId, spiffeId });
    expect(create!.after).toMatchObject(fromCli(afterCreate!));
    expectActorIsAdminToken(create!);
    const intent = await intentOf(create!);
    expect(intent).toMatchObject({ phase: "intent", outcome: "pending", action: "entry.create" });
    expect(intent!.seq).toBeLessThan(create!.seq);

    const edited = await send("PATCH", `/api/servers/foo/entries/${entryId}`, {
      revisionNumber: created.body.revisionNumber,
      x509SvidTtl: 900,
    });
    expect(edited.status).toBe(200);
    const [afterEdit] = await cliEntries(["-entryID", entryId]);
    const updates = await auditRecords({ action: "entry.update", target: entryId });
    expect(updates).toHaveLength(1);
    const [update] = updates;
    expect(update!.before).toMatchObject(fromCli(afterCreate!));
    expect(update!.after).toMatchObject(fromCli(afterEdit!));
    expect((update!.after as { x509SvidTtl: number }).x509SvidTtl).toBe(900);

    expect((await send("DELETE", `/api/servers/foo/entries/${entryId}`)).status).toBe(200);
    expect(await cliEntries(["-entryID", entryId]).catch(() => [])).toEqual([]);
    const removes = await auditRecords({ action: "entry.delete", target: entryId });
    expect(removes).toHaveLength(1);
    const [remove] = removes;
    const all = await auditRecords({ intents: "true", target: entryId });
    expect(all.map((r) => `${r.phase}:${r.action}`).sort()).toEqual(
      [
        "intent:entry.delete",
        "intent:entry.update",
        "result:entry.create",
        "result:entry.delete",
        "result:entry.update",
      ].sort(),
    );
    expect(remove).toMatchObject({ outcome: "ok", after: null });
    expect(remove!.before).toMatchObject(fromCli(afterEdit!));

    const history = await consoleFetch(`/api/servers/foo/entries/${entryId}/history`);
    const changes = ((await history.json()) as { changes: AuditRecord[] }).changes;
    expect(changes.map((c) => c.action)).toEqual(["entry.delete", "entry.update", "entry.create"]);
  });

  it("records one result per row of a batch, under one batch ID", async () => {
    const ids = [id("batch-1"), id("batch-2")];
    const created = await send("POST", "/api/servers/foo/entries", { entries: ids.map(entryBody) });
    expect(created.body.ok).toBe(true);
    const creates = await auditRecords({ action: "entry.create", target: `audit-${run}/batch-` });
    expect(creates).toHaveLength(2);
    expect(new Set(creates.map((r) => r.batchId)).size).toBe(1);
    expect(creates[0]!.batchId).toMatch(/^[0-9A-Z]{26}$/);
    const entryIds = creates.map((r) => r.target.id!);
    expect((await send("POST", "/api/servers/foo/entries/batch-delete", { ids: entryIds })).body.ok).toBe(true);
    const deletes = await auditRecords({ action: "entry.delete", target: `audit-${run}/batch-` });
    expect(deletes.map((r) => r.target.id).sort()).toEqual([...entryIds].sort());
    expect(new Set(deletes.map((r) => r.batchId)).size).toBe(1);
  });

  it("records a ban, an eviction and a federation refresh", async () => {
    const path_ = `/api/servers/foo/agents/${encodeURIComponent(extra.spiffeId)}`;
    expect((await send("POST", `${path_}/ban`, {})).status).toBe(204);
    expect((await send("DELETE", path_)).status).toBe(204);
    const [ban] = await auditRecords({ action: "agent.ban", target: extra.spiffeId });
    expect(ban).toMatchObject({ outcome: "ok", target: { type: "agent", id: extra.spiffeId } });
    expect((ban!.before as { banned: boolean }).banned).toBe(false);
    const [evict] = await auditRecords({ action: "agent.evict", target: extra.spiffeId });
    expect((evict!.before as { banned: boolean }).banned).toBe(true);

    expect((await send("POST", "/api/servers/foo/federations/bar.example.com/refresh", {})).status).toBe(204);
    const [refresh] = await auditRecords({ action: "federation.refresh", target: "bar.example.com" });
    expect(refresh).toMatchObject({ outcome: "ok", server: "foo" });
  });

  it("records token creation and revocation, without the secret", async () => {
    const name = `audited ${run}`;
    const token = await createToken(name, [{ role: "viewer" }]);
    const list = (await (await consoleFetch("/api/tokens")).json()) as { tokens: { id: string; name: string }[] };
    const tokenId = list.tokens.find((t) => t.name === name)!.id;
    expect((await send("DELETE", `/api/tokens/${tokenId}`)).status).toBe(200);
    const [create] = await auditRecords({ action: "token.create", target: tokenId });
    const [revoke] = await auditRecords({ action: "token.revoke", target: tokenId });
    expect(create!.after).toMatchObject({ name, bindings: [{ role: "viewer" }] });
    expect(JSON.stringify([create, revoke])).not.toContain(token);
    expect(revoke).toMatchObject({ outcome: "ok", before: { name } });
  });

  it("records a sign-in and a sign-out with the user who did them", async () => {
    const agent = await signInOverHttp("viewer");
    const cookie = `spire-console-session=${agent.cookies(inject("consoleUrl")).get("spire-console-session")!}`;
    const out = await fetch(`${inject("consoleUrl")}/auth/logout`, {
      method: "POST",
      headers: { cookie, origin: inject("consoleUrl"), accept: "application/json" },
    });
    expect(out.status).toBe(200);
    const [signIn] = await auditRecords({ action: "auth.sign-in", actor: "Vera Viewer" });
    const [signOut] = await auditRecords({ action: "auth.sign-out", actor: "Vera Viewer" });
    expect(signIn).toMatchObject({ phase: "event", outcome: "ok", actor: { method: "oidc", subject: "demo-viewer" } });
    expect(signOut).toMatchObject({ phase: "event", outcome: "ok" });
    expect(signOut!.seq).toBeGreaterThan(signIn!.seq);
  });
});

describe("denials and an unwritable log", () => {
  it("records a denied request and changes nothing in SPIRE", async () => {
    const viewer = await createToken(`denied ${run}`, [{ role: "viewer" }]);
    const spiffeId = id("denied");
    const result = await send("POST", "/api/servers/foo/entries", entryBody(spiffeId), {
      authorization: `Bearer ${viewer}`,
    });
    expect(result.status).toBe(403);
    expect(await cliEntries(["-spiffeID", spiffeId])).toEqual([]);
    const [denied] = await auditRecords({ action: "auth.denied", actor: `denied ${run}`, outcome: "denied" });
    expect(denied).toMatchObject({ target: { type: "action", id: "entries.write" }, server: "foo" });
    expect(denied!.error).toMatchObject({ code: "permission_denied" });
  });

  it("refuses a change with 503 while the log cannot be written, and SPIRE gets nothing", async () => {
    const db = openConsoleDb();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    db.close();
    const dir = inject("consoleDataDir");
    const files = ["console.sqlite", "console.sqlite-wal", "console.sqlite-shm"].map((f) => path.join(dir, f));
    const immutable = (flag: "+i" | "-i") =>
      spawnSync("chattr", [flag, ...files.filter((f) => !f.endsWith("-shm"))], { encoding: "utf8" });
    const failuresBefore = sample(await scrape(metricsUrl()), auditWriteFailures);
    const locked = immutable("+i");
    expect(locked.status, `chattr failed: ${locked.stderr}`).toBe(0);
    try {
      const spiffeId = id("unwritable");
      const result = await send("POST", "/api/servers/foo/entries", entryBody(spiffeId));
      expect(result.status).toBe(503);
      expect((result.body.error as { message: string }).message).toMatch(/audit log cannot be written/);
      expect(await cliEntries(["-spiffeID", spiffeId])).toEqual([]);
    } finally {
      immutable("-i");
    }
    expect(sample(await scrape(metricsUrl()), auditWriteFailures) - failuresBefore).toBe(1);
    const after = await send("POST", "/api/servers/foo/entries", entryBody(id("writable-again")));
    expect(after.status).toBe(201);
  });
});

describe("npm run audit:verify", () => {
  /** Runs the CLI on a copy of the console's SQLite store (so the live log is never tampered with). */
  function verifyCopy(tamper?: (db: DatabaseSync) => void): { code: number; out: string } {
    const copyDir = execFileSync("mktemp", ["-d"], { encoding: "utf8" }).trim();
    const live = openConsoleDb();
    live.exec(`VACUUM INTO '${path.join(copyDir, "console.sqlite")}'`);
    live.close();
    if (tamper) {
      const copy = new DatabaseSync(path.join(copyDir, "console.sqlite"));
      tamper(copy);
      copy.close();
    }
    const result = spawnSync("npm", ["run", "--silent", "audit:verify"], {
      cwd: repoRoot,
      env: { ...process.env, SPIRE_CONSOLE_DATA_DIR: copyDir, SPIRE_CONSOLE_CONFIG: "/nonexistent.json" },
      encoding: "utf8",
    });
    return { code: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
  }

  it("passes on the log as the console wrote it", () => {
    const { code, out } = verifyCopy();
    expect(out).toMatch(/audit log OK: \d+ records/);
    expect(code).toBe(0);
  });

  it("names the record a test changed, deleted, or swapped with another, directly in the database", () => {
    const seqOf = (db: DatabaseSync, n: number) =>
      Number((db.prepare("SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET ?").get(n) as { seq: number }).seq);
    let target = 0;
    const changed = verifyCopy((db) => {
      target = seqOf(db, 3);
      db.prepare("UPDATE audit_log SET outcome = 'error' WHERE seq = ?").run(target);
    });
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(new RegExp(`record ${target} \\([0-9A-Z]{26}\\) was changed`));

    const removed = verifyCopy((db) => {
      target = seqOf(db, 2);
      db.prepare("DELETE FROM audit_log WHERE seq = ?").run(target);
    });
    expect(removed.code).toBe(1);
    expect(removed.out).toMatch(new RegExp(`record ${target} is missing: it was removed`));

    const swapped = verifyCopy((db) => {
      target = seqOf(db, 4);
      db.prepare("UPDATE audit_log SET seq = -1 WHERE seq = ?").run(target);
      db.prepare("UPDATE audit_log SET seq = ? WHERE seq = ?").run(target, target + 1);
      db.prepare("UPDATE audit_log SET seq = ? WHERE seq = -1").run(target + 1);
    });
    expect(swapped.code).toBe(1);
    expect(swapped.out).toMatch(new RegExp(`record ${target} \\([0-9A-Z]{26}\\) was changed`));
  });
});
