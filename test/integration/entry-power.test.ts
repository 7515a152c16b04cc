// Issue 22, item 1: no borrowed power. SPIRE grants power per SPIFFE ID, so every writer but an
// unscoped admin is refused an entry that would hold a powerful identity of the server — checked
// against the live server at write time. Each test is the request an attacker would send; the
// `spire-server` CLI witnesses that nothing changed; the positive case stands beside it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CONSOLE_SPIFFE_ID } from "../../scripts/stack/console-config.ts";
import { createToken } from "../support/auth";
import { cliBySpiffeId, expectRefused, fooAgents, parentOf, plainEntry, send, td } from "../support/entry-writes";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const base = `${td}/team-a/power-${run}`;
const tokens = { operator: "", editor: "", fooAdmin: "", admin: "" };
const created: string[] = [];
// Team A's writers may parent to foo's agents and select by uid: what these tests need, no more.
const bounds = { parentIdPrefixes: [`${td}/spire/agent`], selectorPrefixes: ["unix:uid"] };

async function adminCreates(body: Record<string, unknown>): Promise<string> {
  const result = await send(tokens.admin, "POST", "/api/servers/foo/entries", body);
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  created.push(result.body.id as string);
  return result.body.id as string;
}

beforeAll(async () => {
  tokens.operator = await createToken(`power operator ${run}`, [{ role: "operator", servers: ["foo"], ...bounds }]);
  tokens.editor = await createToken(`power editor ${run}`, [
    { role: "editor", servers: ["foo"], spiffeIdPrefixes: [`${td}/team-a/`], ...bounds },
  ]);
  tokens.fooAdmin = await createToken(`power foo admin ${run}`, [{ role: "admin", servers: ["foo"] }]);
  tokens.admin = await createToken(`power admin ${run}`, [{ role: "admin" }]);
  await adminCreates(plainEntry(`${base}/adm`, { admin: true }));
  await adminCreates(plainEntry(`${base}/down`, { downstream: true }));
  await adminCreates({
    spiffeId: `${base}/alias`,
    parentId: `${td}/spire/server`,
    selectors: [{ type: "x509pop", value: `subject:cn:power-${run}` }],
  });
  // Another team's workload parented to an ID inside team A's path.
  await adminCreates(plainEntry(`${td}/team-b/power-${run}/db`, { parentId: `${base}/hub` }));
  // Team A's own child under hub-ok: holding hub-ok gives nothing outside team A.
  await adminCreates(plainEntry(`${base}/hub-ok/child`, { parentId: `${base}/hub-ok` }));
});

afterAll(async () => {
  if (created.length) await send(tokens.admin, "POST", "/api/servers/foo/entries/batch-delete", { ids: created });
});

describe("the console's own ID (bar lists it in admin_ids)", () => {
  it.each([
    ["an operator limited to foo", "operator"],
    ["an admin limited to foo", "fooAdmin"],
  ] as const)("refuses %s a plain entry with the console's ID", async (_who, token) => {
    const before = (await cliBySpiffeId(CONSOLE_SPIFFE_ID)).length;
    const { body } = await expectRefused(
      () => send(tokens[token], "POST", "/api/servers/foo/entries", plainEntry(CONSOLE_SPIFFE_ID)),
      /powerful identity \(rule console-id\)/,
    );
    expect(body.error).toMatchObject({
      details: [{ path: "spiffeId", message: expect.stringMatching(/^console-id:/) }],
    });
    expect((await cliBySpiffeId(CONSOLE_SPIFFE_ID)).length).toBe(before);
  });

  it("refuses an admin limited to foo moving the console's entry to another agent", async () => {
    const [own] = (await cliBySpiffeId(CONSOLE_SPIFFE_ID)).filter((e) => parentOf(e) !== fooAgents()[1]);
    const result = await expectRefused(
      () =>
        send(tokens.fooAdmin, "PATCH", `/api/servers/foo/entries/${own!.id}`, {
          revisionNumber: Number(own!.revision_number ?? 0),
          parentId: fooAgents()[1],
        }),
      /rule console-id/,
    );
    expect(result.status).toBe(403);
    const after = (await cliBySpiffeId(CONSOLE_SPIFFE_ID)).find((e) => e.id === own!.id);
    expect(parentOf(after)).toBe(parentOf(own));
    expect(after?.revision_number).toEqual(own!.revision_number);
  });

  it("lets an unscoped admin create it", async () => {
    const before = (await cliBySpiffeId(CONSOLE_SPIFFE_ID)).length;
    await adminCreates(plainEntry(CONSOLE_SPIFFE_ID));
    expect((await cliBySpiffeId(CONSOLE_SPIFFE_ID)).length).toBe(before + 1);
  });
});

describe("IDs that entries already give power to", () => {
  it.each([
    ["an admin entry's ID", `${base}/adm`, /rule admin-entry/],
    ["a downstream entry's ID", `${base}/down`, /rule downstream-entry/],
    ["a node alias's ID", `${base}/alias`, /rule node-alias/],
    ["the parent ID of another team's entry", `${base}/hub`, /rule parent-of-out-of-scope/],
  ])("refuses a team A editor a plain entry with %s", async (_what, spiffeId, rule) => {
    const before = (await cliBySpiffeId(spiffeId)).length;
    await expectRefused(() => send(tokens.editor, "POST", "/api/servers/foo/entries", plainEntry(spiffeId)), rule);
    expect((await cliBySpiffeId(spiffeId)).length).toBe(before);
  });

  it("refuses an admin limited to foo copying the admin entry's ID", async () => {
    await expectRefused(
      () => send(tokens.fooAdmin, "POST", "/api/servers/foo/entries", plainEntry(`${base}/adm`)),
      /rule admin-entry/,
    );
    expect((await cliBySpiffeId(`${base}/adm`)).length).toBe(1);
  });

  it("refuses an edit that renames an in-scope entry to the admin entry's ID", async () => {
    const mine = await send(tokens.editor, "POST", "/api/servers/foo/entries", plainEntry(`${base}/renamed`));
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    created.push(mine.body.id as string);
    await expectRefused(
      () =>
        send(tokens.editor, "PATCH", `/api/servers/foo/entries/${mine.body.id as string}`, {
          revisionNumber: mine.body.revisionNumber,
          spiffeId: `${base}/adm`,
        }),
      /rule admin-entry/,
    );
    expect((await cliBySpiffeId(`${base}/renamed`)).map((e) => e.id)).toEqual([mine.body.id]);
    expect((await cliBySpiffeId(`${base}/adm`)).length).toBe(1);
  });

  it("sends nothing of a batch (what the import panel sends) with one row copying an admin ID", async () => {
    const rows = [plainEntry(`${base}/batch-1`), plainEntry(`${base}/adm`), plainEntry(`${base}/batch-3`)];
    const { body } = await expectRefused(
      () => send(tokens.editor, "POST", "/api/servers/foo/entries", { entries: rows }),
      /rule admin-entry/,
    );
    expect(body.error?.message).toContain(`${base}/adm`);
    expect(await cliBySpiffeId(`${base}/batch-1`)).toEqual([]);
    expect(await cliBySpiffeId(`${base}/batch-3`)).toEqual([]);
  });

  it("still lets the editor create plain in-scope entries, one or a batch, and the parent of its own team's entry", async () => {
    for (const body of [plainEntry(`${base}/plain`), plainEntry(`${base}/hub-ok`)]) {
      const result = await send(tokens.editor, "POST", "/api/servers/foo/entries", body);
      expect(result.status, JSON.stringify(result.body)).toBe(201);
      created.push(result.body.id as string);
    }
    const batch = await send(tokens.editor, "POST", "/api/servers/foo/entries", {
      entries: [plainEntry(`${base}/batch-ok-1`), plainEntry(`${base}/batch-ok-2`)],
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    const results = batch.body.results as { entry?: { id: string } }[];
    created.push(...results.flatMap((r) => (r.entry ? [r.entry.id] : [])));
    for (const id of ["plain", "hub-ok", "batch-ok-1", "batch-ok-2"]) {
      expect((await cliBySpiffeId(`${base}/${id}`)).length, id).toBe(1);
    }
  });

  it("lets an unscoped admin copy the admin entry's ID", async () => {
    await adminCreates(plainEntry(`${base}/adm`));
    expect((await cliBySpiffeId(`${base}/adm`)).length).toBe(2);
  });
});
