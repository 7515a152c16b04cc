// SPIRE 1.15 entry AdditionalAttributes through the console, with `spire-server entry show` as the
// witness: create, an edit that leaves them out, and export -> import (the files the UI writes and reads).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { parseEntryImport, toSpireDataFile } from "@/lib/entries/import-export";

import { type CliEntry, idToString, spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";

type Attributes = { disableX509SvidPrefetch: boolean; jwtSvidIncludeJti: boolean };
type Entry = { id: string; spiffeId: string; revisionNumber: number; additionalAttributes: Attributes };
type CliAttributes = { disable_x509_svid_prefetch?: boolean; jwt_svid_include_jti?: boolean };

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const td = "foo.example.com";
const id = (p: string) => `spiffe://${td}/it-attrs/${run}/${p}`;
const base = "/api/servers/foo/entries";

async function send<T>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await consoleFetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function cliShow(args: string[]): Promise<(CliEntry & { id: string; additional_attributes?: CliAttributes })[]> {
  const shown = await spireServerJson<{ entries: (CliEntry & { id: string })[] | null }>(
    "foo",
    ["entry", "show", ...args],
    stackState(),
  );
  return shown.entries ?? [];
}

/** The flags as the CLI prints them, in the console's shape (absent = false). */
const cliFlags = (entry: { additional_attributes?: CliAttributes } | undefined): Attributes => ({
  disableX509SvidPrefetch: Boolean(entry?.additional_attributes?.disable_x509_svid_prefetch),
  jwtSvidIncludeJti: Boolean(entry?.additional_attributes?.jwt_svid_include_jti),
});

afterAll(async () => {
  const mine = (await cliShow([])).filter((e) => idToString(e.spiffe_id).includes(`/it-attrs/${run}/`));
  if (mine.length) await send("POST", `${base}/batch-delete`, { ids: mine.map((e) => e.id) });
});

describe("entry AdditionalAttributes (SPIRE 1.15)", () => {
  const both = { disableX509SvidPrefetch: true, jwtSvidIncludeJti: true };
  const input = (p: string, additionalAttributes: Attributes) => ({
    spiffeId: id(p),
    parentId: `spiffe://${td}/spire/server`,
    selectors: [{ type: "unix", value: "uid:4711" }],
    additionalAttributes,
  });

  it("creates an entry with both flags, and the CLI reads them back; an edit that leaves them out keeps them", async () => {
    const created = await send<Entry>("POST", base, input("both", both));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [cli] = await cliShow(["-entryID", created.body.id]);
    expect(cliFlags(cli)).toEqual(both);
    expect(created.body.additionalAttributes).toEqual(both);

    const edited = await send<Entry>("PATCH", `${base}/${created.body.id}`, {
      revisionNumber: created.body.revisionNumber,
      hint: "edited",
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const [after] = await cliShow(["-entryID", created.body.id]);
    expect(after!.hint).toBe("edited");
    expect(cliFlags(after)).toEqual(both);

    const one = await send<Entry>("PATCH", `${base}/${created.body.id}`, {
      revisionNumber: edited.body.revisionNumber,
      additionalAttributes: { disableX509SvidPrefetch: false, jwtSvidIncludeJti: true },
    });
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect(cliFlags((await cliShow(["-entryID", created.body.id]))[0])).toEqual({
      disableX509SvidPrefetch: false,
      jwtSvidIncludeJti: true,
    });
  });

  it("survives export -> import, and spire-server entry create -data reads the exported file too", async () => {
    const flags: [string, Attributes][] = [
      ["export-prefetch", { disableX509SvidPrefetch: true, jwtSvidIncludeJti: false }],
      ["export-jti", { disableX509SvidPrefetch: false, jwtSvidIncludeJti: true }],
    ];
    const created: Entry[] = [];
    for (const [p, a] of flags) created.push((await send<Entry>("POST", base, input(p, a))).body);
    const listed = await send<{ entries: (Entry & Record<string, unknown>)[] }>(
      "GET",
      `${base}?spiffeIdContains=${encodeURIComponent(`/it-attrs/${run}/export-`)}`,
    );
    expect(listed.body.entries.map((e) => e.spiffeId).sort()).toEqual(flags.map(([p]) => id(p)).sort());
    const exported = toSpireDataFile(listed.body.entries as never);

    // Import into a clean slate: delete the originals, then send the parsed file as the import page does.
    await send("POST", `${base}/batch-delete`, { ids: created.map((e) => e.id) });
    expect(await cliShow(["-spiffeID", id("export-jti")])).toEqual([]);
    const parsed = parseEntryImport(exported);
    if (!("rows" in parsed)) throw new Error(parsed.error);
    const imported = await send<{ summary: { created: number; failed: number } }>("POST", base, {
      entries: parsed.rows.map((r) => r.input),
    });
    expect(imported.body.summary).toEqual({ created: 2, failed: 0 });
    for (const [p, a] of flags) expect(cliFlags((await cliShow(["-spiffeID", id(p)]))[0]), p).toEqual(a);

    // The same file through SPIRE's own CLI, under other IDs.
    const viaCli = exported.replaceAll(`/it-attrs/${run}/export-`, `/it-attrs/${run}/cli-`);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "spc-attrs-")), "entries.json");
    writeFileSync(file, viaCli);
    await spireServer("foo", ["entry", "create", "-data", file], stackState());
    for (const [p, a] of flags) {
      const cliId = id(p.replace("export-", "cli-"));
      expect(cliFlags((await cliShow(["-spiffeID", cliId]))[0]), cliId).toEqual(a);
    }
  });
});
