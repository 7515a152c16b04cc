// Issue 22, item 6 on the real stack: what an entry's History shows a non-admin, ending a user's
// sessions (and purging expired ones), and API tokens that expire by default.
import { beforeAll, describe, expect, inject, it } from "vitest";

import { consoleFetch } from "../support/api";
import { auditRecords } from "../support/audit";
import { createToken, openConsoleDb, signInOverHttp } from "../support/auth";
import { plainEntry, send, td } from "../support/entry-writes";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const tokens = { editor: "", viewer: "", admin: "" };

beforeAll(async () => {
  tokens.editor = await createToken(`small editor ${run}`, [
    {
      role: "editor",
      servers: ["foo"],
      spiffeIdPrefixes: [`${td}/team-a/`],
      parentIdPrefixes: [`${td}/spire/agent`],
      selectorPrefixes: ["unix:uid"],
    },
  ]);
  tokens.viewer = await createToken(`small viewer ${run}`, [{ role: "viewer" }]);
  tokens.admin = await createToken(`small admin ${run}`, [{ role: "admin" }]);
});

describe("an entry's History", () => {
  it("shows a non-admin who and when, without groups, token IDs or addresses; an admin everything", async () => {
    const created = await send(tokens.editor, "POST", "/api/servers/foo/entries", plainEntry(`${td}/team-a/h-${run}`));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const path = `/api/servers/foo/entries/${created.body.id as string}/history`;
    type Change = Record<string, unknown> & { actor: Record<string, unknown> | null };
    const asViewer = await send(tokens.viewer, "GET", path);
    const seen = (asViewer.body.changes as Change[])[0]!;
    expect(Object.keys(seen.actor ?? {}).sort()).toEqual(["kind", "name"]);
    expect(seen.actor?.name).toContain(`small editor ${run}`);
    expect(typeof seen.at).toBe("number");
    for (const hidden of ["clientAddress", "requestId", "replicaId", "hash"]) expect(seen).not.toHaveProperty(hidden);
    expect(JSON.stringify(asViewer.body)).not.toMatch(/tokenId|groups|127\.0\.0\.1/);
    const asAdmin = await send(tokens.admin, "GET", path);
    const full = (asAdmin.body.changes as Change[])[0]!;
    expect(full.actor).toMatchObject({ kind: "token", tokenId: expect.any(String), groups: [] });
    expect(full).toHaveProperty("clientAddress");
    await send(tokens.admin, "DELETE", `/api/servers/foo/entries/${created.body.id as string}`);
  });
});

describe("the Kubernetes report", () => {
  it("reads the cluster's SPIRE server (foo) only for a role that covers it", async () => {
    const barViewer = await createToken(`small bar viewer ${run}`, [{ role: "viewer", servers: ["bar"] }]);
    type Report = { spire: { serverName: string; agentsError: string | null; bundleError: string | null } };
    const limited = await send(barViewer, "GET", "/api/kubernetes/spire");
    expect(limited.status, JSON.stringify(limited.body)).toBe(200);
    const { spire } = limited.body as unknown as Report;
    expect(spire.serverName).toBe("foo");
    expect(spire.agentsError).toMatch(/Your role does not cover SPIRE server 'foo'/);
    expect(JSON.stringify(limited.body)).not.toContain("spiffe://foo.example.com/spire/agent/k8s_psat");
    const full = (await send(tokens.viewer, "GET", "/api/kubernetes/spire")).body as unknown as Report;
    expect(full.spire).toMatchObject({ serverName: "foo", agentsError: null, bundleError: null });
  });
});

describe("sessions", () => {
  it("lets an admin end a user's sessions at once (audited), and refuses anyone else", async () => {
    const viewer = await signInOverHttp("viewer");
    const me = () => viewer.request(`${inject("consoleUrl")}/api/me`);
    expect((await me()).status).toBe(200);
    const refused = await send(tokens.viewer, "POST", "/api/sessions/end", { subject: "demo-viewer" });
    expect(refused.status).toBe(403);
    expect((await me()).status).toBe(200);
    const ended = await send(tokens.admin, "POST", "/api/sessions/end", { subject: "demo-viewer" });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.ended).toBeGreaterThanOrEqual(1);
    expect((await me()).status).toBe(401);
    const [record] = await auditRecords({ action: "auth.sessions-end" });
    expect(record).toMatchObject({ outcome: "ok", target: { type: "user", id: "demo-viewer" } });
    const bad = await send(tokens.admin, "POST", "/api/sessions/end", { subject: "" });
    expect(bad.status).toBe(400);
  });

  it("purges expired sessions when someone signs in", async () => {
    await signInOverHttp("viewer");
    const db = openConsoleDb();
    try {
      const aged = db.prepare("UPDATE sessions SET last_seen_at = 0 WHERE subject = 'demo-viewer'").run().changes;
      expect(aged).toBeGreaterThanOrEqual(1);
      await signInOverHttp("admin");
      const left = db.prepare("SELECT COUNT(*) AS n FROM sessions WHERE last_seen_at = 0").get() as { n: number };
      expect(left.n).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe("API tokens", () => {
  it("expire in 90 days when the creator does not say", async () => {
    const before = Date.now();
    const response = await consoleFetch("/api/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `default expiry ${run}`, bindings: [{ role: "viewer" }] }),
    });
    expect(response.status).toBe(201);
    const { summary } = (await response.json()) as { summary: { expiresAt: number | null } };
    expect(summary.expiresAt).toBeGreaterThanOrEqual(before + 90 * 86_400_000);
    expect(summary.expiresAt).toBeLessThanOrEqual(Date.now() + 90 * 86_400_000);
  });
});
