// Issue 22, item 2: editors and operators are bounded on every entry field that carries power,
// deny by default, per binding (parentIdPrefixes, selectorPrefixes, maxX509SvidTtl/maxJwtSvidTtl,
// federatesWith, storeSvid). Each test is the attacker's request; the `spire-server` CLI shows
// nothing changed; an in-scope entry and an unscoped admin still succeed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createToken } from "../support/auth";
import { cliBySpiffeId, expectRefused, fooAgents, plainEntry, send, td } from "../support/entry-writes";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const base = `${td}/team-a/bounds-${run}`;
const tokens = { editor: "", bare: "", admin: "" };
const created: string[] = [];
const teamA = {
  role: "editor",
  servers: ["foo"],
  spiffeIdPrefixes: [`${td}/team-a/`],
  parentIdPrefixes: [`${td}/spire/agent`],
  selectorPrefixes: ["k8s:ns:team-a", "unix:uid"],
  maxX509SvidTtl: 3600,
  maxJwtSvidTtl: 300,
};
const MAX_INT32 = 2_147_483_647; // 68 years in seconds

async function create(token: string, body: unknown) {
  const result = await send(token, "POST", "/api/servers/foo/entries", body);
  if (result.status === 201) created.push(result.body.id as string);
  return result;
}

beforeAll(async () => {
  tokens.editor = await createToken(`bounds editor ${run}`, [teamA]);
  // An editor binding with only the old keys: the new ones are deny by default.
  tokens.bare = await createToken(`bounds bare ${run}`, [
    { role: "editor", servers: ["foo"], spiffeIdPrefixes: [`${td}/team-a/`] },
  ]);
  tokens.admin = await createToken(`bounds admin ${run}`, [{ role: "admin" }]);
});
afterAll(async () => {
  if (created.length) await send(tokens.admin, "POST", "/api/servers/foo/entries/batch-delete", { ids: created });
});

describe("a team A editor's create", () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ["parented to another team's workload", { parentId: `${td}/payments/api` }, /outside your allowed parents/],
    [
      "selecting another namespace's pods",
      {
        selectors: [
          { type: "k8s", value: "ns:payments" },
          { type: "k8s", value: "sa:api" },
        ],
      },
      /selectorPrefixes/,
    ],
    ["with storeSvid", { storeSvid: true }, /does not allow storeSvid/],
    ["with a 68-year X509-SVID TTL", { x509SvidTtl: MAX_INT32 }, /above your maxX509SvidTtl of 3600s/],
    ["with a JWT-SVID TTL above the ceiling", { jwtSvidTtl: 3600 }, /above your maxJwtSvidTtl of 300s/],
    ["federating with bar", { federatesWith: ["bar.example.com"] }, /allows no federatesWith/],
  ])("refuses an entry %s", async (_what, fields, rule) => {
    const spiffeId = `${base}/${Math.random().toString(36).slice(2, 8)}`;
    await expectRefused(() => create(tokens.editor, plainEntry(spiffeId, fields)), rule);
    expect(await cliBySpiffeId(spiffeId)).toEqual([]);
  });

  it("refuses a batch (what the import panel sends) with one row out of bounds, and sends none", async () => {
    const rows = [
      plainEntry(`${base}/b1`),
      plainEntry(`${base}/b2`, { x509SvidTtl: MAX_INT32 }),
      plainEntry(`${base}/b3`),
    ];
    await expectRefused(() => create(tokens.editor, { entries: rows }), /maxX509SvidTtl/);
    for (const id of ["b1", "b2", "b3"]) expect(await cliBySpiffeId(`${base}/${id}`)).toEqual([]);
  });

  it("creates an entry within every bound", async () => {
    const spiffeId = `${base}/ok`;
    const result = await create(
      tokens.editor,
      plainEntry(spiffeId, {
        selectors: [
          { type: "k8s", value: "ns:team-a" },
          { type: "k8s", value: "sa:ok" },
        ],
        x509SvidTtl: 3600,
        jwtSvidTtl: 300,
      }),
    );
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect((await cliBySpiffeId(spiffeId))[0]?.x509_svid_ttl).toBe(3600);
  });

  it("refuses a binding without the new keys: deny by default", async () => {
    const spiffeId = `${base}/bare`;
    await expectRefused(() => create(tokens.bare, plainEntry(spiffeId)), /parentIdPrefixes is not set/);
    expect(await cliBySpiffeId(spiffeId)).toEqual([]);
  });

  it("lets an unscoped admin set all of it", async () => {
    const spiffeId = `${base}/admin`;
    const result = await create(
      tokens.admin,
      plainEntry(spiffeId, { parentId: `${td}/payments/api`, storeSvid: true, x509SvidTtl: MAX_INT32 }),
    );
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    const [row] = await cliBySpiffeId(spiffeId);
    expect(row?.store_svid).toBe(true);
    expect(row?.x509_svid_ttl).toBe(MAX_INT32);
  });
});

describe("a team A editor's edit", () => {
  it("refuses widening an in-scope entry and leaves it as it was", async () => {
    const spiffeId = `${base}/edit`;
    const mine = await create(tokens.editor, plainEntry(spiffeId));
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    const path = `/api/servers/foo/entries/${mine.body.id as string}`;
    const revisionNumber = mine.body.revisionNumber;
    const [before] = await cliBySpiffeId(spiffeId);
    for (const [change, rule] of [
      [{ storeSvid: true }, /storeSvid/],
      [{ x509SvidTtl: MAX_INT32 }, /maxX509SvidTtl/],
      [{ parentId: `${td}/payments/api` }, /allowed parents/],
      [{ selectors: [{ type: "k8s", value: "ns:payments" }] }, /selectorPrefixes/],
    ] as const) {
      await expectRefused(() => send(tokens.editor, "PATCH", path, { revisionNumber, ...change }), rule);
    }
    const [after] = await cliBySpiffeId(spiffeId);
    expect(after?.revision_number).toEqual(before?.revision_number);
    expect(after?.store_svid ?? false).toBe(false);
    expect(after?.x509_svid_ttl ?? 0).toBe(0);
    expect(after?.selectors).toEqual(mine.body.selectors);
    const ok = await send(tokens.editor, "PATCH", path, { revisionNumber, x509SvidTtl: 900, parentId: fooAgents()[1] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await cliBySpiffeId(spiffeId))[0]?.x509_svid_ttl).toBe(900);
  });
});
