import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { parseEntryImport, toSpireDataFile } from "@/lib/entries/import-export";

import { type CliEntry, idToString, spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";

type Entry = {
  id: string;
  spiffeId: string;
  parentId: string;
  selectors: { type: string; value: string }[];
  x509SvidTtl: number;
  jwtSvidTtl: number;
  federatesWith: string[];
  dnsNames: string[];
  admin: boolean;
  downstream: boolean;
  hint: string;
  storeSvid: boolean;
  expiresAt: string | null;
  revisionNumber: number;
};
type Sent<T> = { status: number; body: T };

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const td = "foo.example.com";
const id = (p: string) => `spiffe://${td}/it-mut/${run}/${p}`;
const SERVER_ID = `spiffe://${td}/spire/server`;
const base = "/api/servers/foo/entries";

async function send<T>(method: string, url: string, body?: unknown): Promise<Sent<T>> {
  const response = await consoleFetch(`${url}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function cliShow(args: string[]): Promise<CliEntry[]> {
  return (
    (await spireServerJson<{ entries: CliEntry[] | null }>("foo", ["entry", "show", ...args], stackState())).entries ??
    []
  );
}

async function cliById(entryId: string): Promise<Record<string, unknown> & CliEntry> {
  const [entry] = await cliShow(["-entryID", entryId]);
  if (!entry) throw new Error(`CLI does not show ${entryId}`);
  return entry as Record<string, unknown> & CliEntry;
}

/** Selectors in SPIRE's stored order (it sorts them), so sets compare equal. */
const sorted = (selectors: { type: string; value: string }[]) =>
  [...selectors].sort((a, b) => `${a.type}:${a.value}`.localeCompare(`${b.type}:${b.value}`));

/** Every field of a CLI entry in the API's shape, to compare with what was submitted. */
function fromCli(c: Record<string, unknown> & CliEntry) {
  const expires = Number(c.expires_at ?? 0);
  return {
    spiffeId: idToString(c.spiffe_id),
    parentId: idToString(c.parent_id),
    selectors: sorted(c.selectors),
    x509SvidTtl: Number(c.x509_svid_ttl ?? 0),
    jwtSvidTtl: Number(c.jwt_svid_ttl ?? 0),
    federatesWith: c.federates_with ?? [],
    dnsNames: c.dns_names ?? [],
    admin: Boolean(c.admin),
    downstream: Boolean(c.downstream),
    hint: c.hint ?? "",
    storeSvid: Boolean(c.store_svid),
    expiresAt: expires ? new Date(expires * 1000).toISOString() : null,
    revisionNumber: Number(c.revision_number ?? 0),
  };
}

afterAll(async () => {
  const mine = (await cliShow([])).filter((e) => idToString(e.spiffe_id).includes(`/it-mut/${run}/`));
  if (mine.length) await send("POST", `${base}/batch-delete`, { ids: mine.map((e) => e.id) });
});

describe("entry mutations, witnessed by spire-server", () => {
  const full = {
    spiffeId: id("full"),
    parentId: SERVER_ID,
    selectors: [
      { type: "unix", value: "uid:4001" },
      { type: "unix", value: "gid:4001" },
    ],
    x509SvidTtl: 7200,
    jwtSvidTtl: 900,
    federatesWith: ["bar.example.com"],
    dnsNames: ["full.example.com", "*.full.example.com"],
    admin: true,
    downstream: true,
    hint: "it-full",
    storeSvid: true,
    expiresAt: "2031-06-01T12:00:00.000Z",
  };
  let created: Entry;

  it("creates an entry with every field as submitted", async () => {
    const res = await send<Entry>("POST", base, full);
    expect(res.status).toBe(201);
    created = res.body;
    expect(created.id).toMatch(/\S/);
    expect(fromCli(await cliById(created.id))).toEqual({
      ...full,
      selectors: sorted(full.selectors),
      revisionNumber: 0,
    });
  });

  it("answers 409 already_exists for the same SPIFFE ID, parent and selectors, and creates nothing", async () => {
    const before = (await cliShow(["-spiffeID", full.spiffeId])).length;
    const res = await send<{ error: { code: string; message: string } }>("POST", base, { ...full, hint: "other" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("already_exists");
    expect(res.body.error.message).toContain(created.id);
    expect((await cliShow(["-spiffeID", full.spiffeId])).length).toBe(before);
  });

  it("edits only the masked fields and bumps the revision", async () => {
    const before = fromCli(await cliById(created.id));
    const res = await send<Entry>("PATCH", `${base}/${created.id}`, {
      revisionNumber: 0,
      x509SvidTtl: 600,
      hint: "it-edited",
    });
    expect(res.status).toBe(200);
    const after = fromCli(await cliById(created.id));
    expect(after).toEqual({
      ...before,
      x509SvidTtl: 600,
      hint: "it-edited",
      revisionNumber: before.revisionNumber + 1,
    });
    expect(res.body.revisionNumber).toBe(after.revisionNumber);
  });

  it("clears the expiry and changes selectors through the mask", async () => {
    const current = fromCli(await cliById(created.id));
    const selectors = [{ type: "unix", value: "uid:4002" }];
    const res = await send<Entry>("PATCH", `${base}/${created.id}`, {
      revisionNumber: current.revisionNumber,
      expiresAt: null,
      selectors,
    });
    expect(res.status).toBe(200);
    expect(fromCli(await cliById(created.id))).toEqual({
      ...current,
      expiresAt: null,
      selectors,
      revisionNumber: current.revisionNumber + 1,
    });
  });

  it("refuses a stale revision with 409 conflict, returns the current entry and changes nothing", async () => {
    const before = fromCli(await cliById(created.id));
    const res = await send<{ error: { code: string }; current: Entry }>("PATCH", `${base}/${created.id}`, {
      revisionNumber: 0,
      jwtSvidTtl: 60,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect(res.body.current.revisionNumber).toBe(before.revisionNumber);
    expect(fromCli(await cliById(created.id))).toEqual(before);
  });

  it("refuses storeSvid with mixed selector types on edit (merged with the stored entry)", async () => {
    const before = fromCli(await cliById(created.id));
    const res = await send<{ error: { code: string; details: { path: string }[] } }>("PATCH", `${base}/${created.id}`, {
      revisionNumber: before.revisionNumber,
      selectors: [
        { type: "unix", value: "uid:1" },
        { type: "k8s", value: "ns:a" },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]?.path).toBe("storeSvid");
    expect(fromCli(await cliById(created.id))).toEqual(before);
  });

  it("batch-creates the good rows and reports the bad ones, in request order", async () => {
    const good = (n: number) => ({
      spiffeId: id(`batch-${n}`),
      parentId: SERVER_ID,
      selectors: [{ type: "unix", value: `uid:${5000 + n}` }],
    });
    const rows = [
      good(1),
      { ...good(2), spiffeId: `spiffe://bar.example.com/x` },
      good(3),
      { ...good(4), selectors: [] },
      good(1),
    ];
    const res = await send<{
      ok: boolean;
      summary: { created: number; failed: number };
      results: { index: number; status: { code: string }; entry?: Entry }[];
    }>("POST", base, { entries: rows });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.summary).toEqual({ created: 2, failed: 3 });
    expect(res.body.results.map((r) => [r.index, r.status.code])).toEqual([
      [0, "ok"],
      [1, "invalid_argument"],
      [2, "ok"],
      [3, "invalid_argument"],
      [4, "already_exists"],
    ]);
    const shown = (await cliShow([]))
      .map((e) => idToString(e.spiffe_id))
      .filter((s) => s.includes(`/it-mut/${run}/batch-`))
      .sort();
    expect(shown).toEqual([id("batch-1"), id("batch-3")]);
  });

  it("deletes exactly the named entries (single and batch), with a result per ID", async () => {
    const batch = (await cliShow([])).filter((e) => idToString(e.spiffe_id).includes(`/it-mut/${run}/batch-`));
    expect(batch).toHaveLength(2);
    const countBefore = (await spireServerJson<{ count: number }>("foo", ["entry", "count"], stackState())).count;
    const res = await send<{ ok: boolean; results: { id: string; status: { code: string } }[] }>(
      "POST",
      `${base}/batch-delete`,
      { ids: [batch[0]!.id, "no-such-entry", batch[1]!.id] },
    );
    expect(res.body.ok).toBe(false);
    expect(res.body.results.map((r) => r.status.code)).toEqual(["ok", "not_found", "ok"]);
    const single = await send<{ deleted: string }>("DELETE", `${base}/${created.id}`);
    expect(single.status).toBe(200);
    expect((await spireServerJson<{ count: number }>("foo", ["entry", "count"], stackState())).count).toBe(
      countBefore - 3,
    );
    expect((await cliShow([])).filter((e) => idToString(e.spiffe_id).includes(`/it-mut/${run}/`))).toEqual([]);
    const again = await send<{ error: { code: string } }>("DELETE", `${base}/${created.id}`);
    expect(again.status).toBe(404);
  });

  it("exports in the -data format that `spire-server entry create -data` and the console both read", async () => {
    const rows = [1, 2].map((n) => ({
      spiffeId: id(`export-${n}`),
      parentId: SERVER_ID,
      selectors: [{ type: "unix", value: `uid:${6000 + n}` }],
      x509SvidTtl: 300 * n,
      federatesWith: ["bar.example.com"],
      dnsNames: [`e${n}.example.com`],
      hint: `export-${n}`,
      expiresAt: "2032-01-01T00:00:00.000Z",
    }));
    const file = path.join(mkdtempSync(path.join(tmpdir(), "spc-export-")), "entries.json");
    writeFileSync(file, toSpireDataFile(rows as never));
    await spireServer("foo", ["entry", "create", "-data", file], stackState());
    for (const row of rows) {
      const [cli] = await cliShow(["-spiffeID", row.spiffeId]);
      expect(cli).toBeDefined();
      expect(fromCli(cli as never)).toMatchObject(row);
    }
    const parsed = parseEntryImport(toSpireDataFile(rows as never));
    expect("rows" in parsed && parsed.rows.map((r) => r.input)).toEqual(rows);
  });

  it("reports the agents a node alias covers with the superset agent filter the delete dialog uses", async () => {
    const alias = (await cliShow(["-spiffeID", `spiffe://${td}/node/fleet`]))[0]!;
    const query = alias.selectors.map((s) => `selector=${encodeURIComponent(`${s.type}:${s.value}`)}`).join("&");
    const res = await consoleFetch(`/api/servers/foo/agents?match=superset&${query}`);
    const agents = ((await res.json()) as { agents: { spiffeId: string }[] }).agents.map((a) => a.spiffeId).sort();
    const fleet = stackState()
      .servers.find((s) => s.name === "foo")!
      .agents.filter((a) => a.attestationType === "x509pop")
      .map((a) => a.spiffeId)
      .sort();
    expect(agents).toEqual(fleet);
  });
});
