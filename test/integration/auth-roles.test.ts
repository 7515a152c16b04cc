// Roles × actions against the real stack: what each role may do succeeds, what it may not answers
// 403 — and `spire-server` (the independent witness) shows that nothing changed.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { type CliAgent, type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";
import { createToken } from "../support/auth";
import { type ExtraAgent, startExtraAgent } from "../support/extra-agent";

type Role = "viewer" | "editor" | "operator" | "admin" | "fleetOperator";
const td = "spiffe://foo.example.com";
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const teamA = (p: string) => `${td}/team-a/matrix-${run}/${p}`;
const SERVER_ID = `${td}/spire/server`;
const tokens = {} as Record<Role, string>;
let agentId = "";
let extra: ExtraAgent;

async function send(role: Role, method: string, path: string, body?: unknown) {
  const response = await consoleFetch(path, {
    method,
    headers: {
      authorization: `Bearer ${tokens[role]}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: { code: string; message: string } },
  };
}

type CliRow = CliEntry & { revision_number?: string | number; x509_svid_ttl?: number };

async function cli(server: string, args: string[]): Promise<CliRow[]> {
  const out = await spireServerJson<{ entries: CliRow[] | null }>(server, ["entry", "show", ...args], stackState());
  return out.entries ?? [];
}
const cliCount = async (server = "foo") => (await cli(server, [])).length;
const cliBySpiffeId = (id: string) => cli("foo", ["-spiffeID", id]);
async function cliAgent(id: string): Promise<CliAgent | undefined> {
  const out = await spireServerJson<{ agents: CliAgent[] | null }>("foo", ["agent", "list"], stackState());
  return (out.agents ?? []).find((a) => idToString(a.id) === id);
}

const entry = (spiffeId: string, extraFields: Record<string, unknown> = {}) => ({
  spiffeId,
  parentId: agentId,
  selectors: [{ type: "unix", value: `uid:${20000 + Math.floor(Math.random() * 10000)}` }],
  ...extraFields,
});

/** Expects a 403 and that the CLI's entry count did not move. */
async function expectDenied(
  call: () => Promise<{ status: number; body: { error?: { code: string; message: string } } }>,
  server = "foo",
) {
  const before = await cliCount(server);
  const result = await call();
  expect(result.status, JSON.stringify(result.body)).toBe(403);
  expect(result.body.error?.code).toBe("permission_denied");
  expect(await cliCount(server)).toBe(before);
  return result;
}

beforeAll(async () => {
  // The entry bounds (deny by default) allow what these tests send: foo's agents as parents, uid selectors, 1 h TTLs.
  const scope = {
    servers: ["foo"],
    spiffeIdPrefixes: [`${td}/team-a/`],
    dnsSuffixes: ["team-a.svc.cluster.local"],
    parentIdPrefixes: [`${td}/spire/agent`],
    selectorPrefixes: ["unix:uid"],
    maxX509SvidTtl: 3600,
  };
  tokens.viewer = await createToken(`matrix viewer ${run}`, [{ role: "viewer" }]);
  tokens.editor = await createToken(`matrix editor ${run}`, [{ role: "editor", ...scope }]);
  tokens.operator = await createToken(`matrix operator ${run}`, [{ role: "operator", ...scope }]);
  tokens.admin = await createToken(`matrix admin ${run}`, [{ role: "admin" }]);
  // Agent actions need an operator binding without SPIFFE-ID prefixes (an agent serves every team's entries).
  tokens.fleetOperator = await createToken(`matrix fleet operator ${run}`, [{ role: "operator", servers: ["foo"] }]);
  agentId = stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
  extra = await startExtraAgent(stackState(), inject("stackDir"));
});
afterAll(async () => {
  await extra?.stop();
});

describe("creating entries", () => {
  it.each<[Role, number]>([
    ["viewer", 403],
    ["editor", 201],
    ["operator", 201],
    ["admin", 201],
  ])("%s creating an entry in team A's path answers %i", async (role, status) => {
    const id = teamA(`create-${role}`);
    const result = await send(role, "POST", "/api/servers/foo/entries", entry(id));
    expect(result.status, JSON.stringify(result.body)).toBe(status);
    expect((await cliBySpiffeId(id)).length).toBe(status === 201 ? 1 : 0);
  });

  it("refuses an editor scoped to /team-a/ creating under /team-ab/", async () => {
    const id = `${td}/team-ab/matrix-${run}`;
    const { body } = await expectDenied(() => send("editor", "POST", "/api/servers/foo/entries", entry(id)));
    expect(body.error?.message).toMatch(/outside your SPIFFE-ID scope/);
    expect(await cliBySpiffeId(id)).toEqual([]);
  });

  it("sends nothing from a batch with one row out of scope", async () => {
    const ids = [teamA("batch-1"), `${td}/team-b/matrix-${run}`, teamA("batch-3")];
    await expectDenied(() =>
      send("editor", "POST", "/api/servers/foo/entries", { entries: ids.map((id) => entry(id)) }),
    );
    for (const id of ids) expect(await cliBySpiffeId(id)).toEqual([]);
  });

  it.each([
    ["admin: true", { admin: true }, /admin entries/],
    ["downstream: true", { downstream: true }, /downstream entries/],
    ["a node alias", { parentId: SERVER_ID, selectors: [{ type: "x509pop", value: "subject:cn:matrix" }] }, /node/],
    ["a DNS name outside team A", { dnsNames: ["evil.example.com"] }, /DNS name/],
  ])("refuses an editor creating %s", async (_what, fields, reason) => {
    const id = teamA(`special-${Math.random().toString(36).slice(2, 8)}`);
    const { body } = await expectDenied(() => send("editor", "POST", "/api/servers/foo/entries", entry(id, fields)));
    expect(body.error?.message).toMatch(reason);
    expect(await cliBySpiffeId(id)).toEqual([]);
  });

  it("lets an editor set a DNS name under its suffix", async () => {
    const id = teamA("dns-ok");
    const result = await send(
      "editor",
      "POST",
      "/api/servers/foo/entries",
      entry(id, { dnsNames: ["x.team-a.svc.cluster.local"] }),
    );
    expect(result.status).toBe(201);
    expect((await cliBySpiffeId(id))[0]?.dns_names).toEqual(["x.team-a.svc.cluster.local"]);
  });

  it("refuses an operator scoped to foo on bar", async () => {
    const bar = stackState().servers.find((s) => s.name === "bar")!;
    const id = `spiffe://bar.example.com/team-a/matrix-${run}`;
    await expectDenied(
      () => send("operator", "POST", "/api/servers/bar/entries", { ...entry(id), parentId: bar.agents[0]!.spiffeId }),
      "bar",
    );
  });
});

describe("editing and deleting entries", () => {
  it("refuses an editor editing a node alias and leaves it as it was", async () => {
    const [alias] = await cliBySpiffeId(`${td}/node/fleet`);
    const result = await send("editor", "PATCH", `/api/servers/foo/entries/${alias!.id}`, {
      revisionNumber: Number(alias!.revision_number ?? 0),
      hint: "edited by an editor",
    });
    expect(result.status).toBe(403);
    const [after] = await cliBySpiffeId(`${td}/node/fleet`);
    expect(after?.hint ?? "").toBe(alias!.hint ?? "");
    expect(after?.revision_number).toEqual(alias!.revision_number);
  });

  it("refuses a PATCH that moves an in-scope entry out of scope", async () => {
    const id = teamA("move-me");
    const created = await send("admin", "POST", "/api/servers/foo/entries", entry(id));
    expect(created.status).toBe(201);
    const result = await send("editor", "PATCH", `/api/servers/foo/entries/${created.body.id as string}`, {
      revisionNumber: created.body.revisionNumber,
      spiffeId: `${td}/team-b/moved-${run}`,
    });
    expect(result.status).toBe(403);
    expect((await cliBySpiffeId(id)).length).toBe(1);
    expect(await cliBySpiffeId(`${td}/team-b/moved-${run}`)).toEqual([]);
  });

  it("lets an editor edit and delete in scope, but not delete another team's entry", async () => {
    const id = teamA("edit-delete");
    const created = await send("editor", "POST", "/api/servers/foo/entries", entry(id));
    const entryId = created.body.id as string;
    const edited = await send("editor", "PATCH", `/api/servers/foo/entries/${entryId}`, {
      revisionNumber: created.body.revisionNumber,
      x509SvidTtl: 900,
    });
    expect(edited.status).toBe(200);
    expect((await cliBySpiffeId(id))[0]?.x509_svid_ttl).toBe(900);
    const [payments] = await cliBySpiffeId(`${td}/payments/api`);
    await expectDenied(() => send("editor", "DELETE", `/api/servers/foo/entries/${payments!.id}`));
    await expectDenied(() =>
      send("editor", "POST", "/api/servers/foo/entries/batch-delete", { ids: [entryId, payments!.id] }),
    );
    expect((await cliBySpiffeId(id)).length).toBe(1);
    expect((await send("editor", "DELETE", `/api/servers/foo/entries/${entryId}`)).status).toBe(200);
    expect(await cliBySpiffeId(id)).toEqual([]);
  });
});

describe("agents, federation and tokens", () => {
  it("lets only operators without SPIFFE-ID prefixes and admins ban and evict, and the CLI agrees at each step", async () => {
    const path = `/api/servers/foo/agents/${encodeURIComponent(extra.spiffeId)}`;
    for (const role of ["viewer", "editor", "operator"] as const) {
      expect((await send(role, "POST", `${path}/ban`, {})).status).toBe(403);
      expect((await send(role, "DELETE", path)).status).toBe(403);
    }
    const scoped = await send("operator", "POST", `${path}/ban`, {});
    expect(scoped.body.error?.message).toMatch(
      /limited to SPIFFE-ID prefixes .* needs a binding without spiffeIdPrefixes/,
    );
    expect((await cliAgent(extra.spiffeId))?.banned).toBeFalsy();
    expect((await send("fleetOperator", "POST", `${path}/ban`, {})).status).toBe(204);
    expect((await cliAgent(extra.spiffeId))?.banned).toBe(true);
    expect((await send("fleetOperator", "DELETE", path)).status).toBe(204);
    expect(await cliAgent(extra.spiffeId)).toBeUndefined();
  });

  it.each<[Role, number]>([
    ["viewer", 403],
    ["editor", 403],
    ["operator", 204],
    ["admin", 204],
  ])("%s refreshing a federated bundle answers %i", async (role, status) => {
    const result = await send(role, "POST", "/api/servers/foo/federations/bar.example.com/refresh", {});
    expect(result.status).toBe(status);
  });

  it.each<[Role, number]>([
    ["viewer", 403],
    ["editor", 403],
    ["operator", 403],
    ["admin", 201],
  ])("%s creating an API token answers %i", async (role, status) => {
    const result = await send(role, "POST", "/api/tokens", {
      name: `by ${role} ${run}`,
      bindings: [{ role: "admin" }],
    });
    expect(result.status).toBe(status);
  });

  it("describes each principal at /api/me", async () => {
    const me = await send("editor", "GET", "/api/me");
    expect(me.body).toMatchObject({ kind: "token", method: "token", bindings: [{ role: "editor", servers: ["foo"] }] });
    expect((me.body.may as Record<string, boolean>)["entries.write"]).toBe(true);
    expect((me.body.may as Record<string, boolean>)["agents.ban"]).toBe(false);
  });
});
