// The compact entry index on the real stack: every kind of change made through the console shows
// in the tree, counts, orphans and search on the very next request, patched in place (the walk
// counter does not move); a change made with the CLI shows after a refresh walk. The test runs a
// console of its own whose index of foo is not walked in the background for an hour
// (`indexRefreshSeconds`), so on a slow machine no background walk can move the counter, and
// only the console's patches can show a change. The Overview's entry count is read from the same
// index when there is one, and from SPIRE when there is none.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { FOO_FLEET_ALIAS } from "../../scripts/stack/seed-foo.ts";
import { type CliEntry, idToString, spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, consoleFetch, stackState } from "../support/api";
import { type RunningConsole, startConsole } from "../support/console-server";

type Node = {
  kind: string;
  spiffeId: string;
  entryId: string | null;
  childCount: number;
  subtreeCount: number;
  flags: { orphanReason: string | null };
};
type Level = { nodes: Node[]; total: number; nextOffset: number | null };
type Status = {
  state: string;
  entries: number | null;
  walks: number;
  lastWalkKind: string | null;
  changes: number;
  walking: { indexed: number; expected: number | null } | null;
};
type Created = { id: string; spiffeId: string; parentId: string; revisionNumber: number };

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const td = "foo.example.com";
const id = (p: string) => `spiffe://${td}/it-index/${run}/${p}`;
let own: RunningConsole | undefined;
let base = "";

async function send<T>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await consoleFetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function status(): Promise<Status> {
  const res = await apiGet<Status>(`${base}/index`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Walks the index again and waits for it. */
async function freshIndex(): Promise<Status> {
  const res = await send<Status>("POST", `${base}/index/refresh`, { wait: true });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.state).toBe("ready");
  expect(res.body.walking).toBeNull();
  return res.body;
}

async function children(parent: string): Promise<Node[]> {
  const res = await apiGet<Level>(`${base}/tree?parent=${encodeURIComponent(parent)}&limit=1000`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.nodes;
}

async function orphans(): Promise<Node[]> {
  const res = await apiGet<Level>(`${base}/orphans?limit=1000`);
  expect(res.status).toBe(200);
  return res.body.nodes;
}

async function search(q: string): Promise<string[]> {
  const res = await apiGet<{ hits: { id: string }[] }>(`${base}/search?q=${encodeURIComponent(q)}&limit=200`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.hits.map((h) => h.id);
}

async function fleetNode(): Promise<Node> {
  const res = await apiGet<Level>(`${base}/tree?limit=1000`);
  return res.body.nodes.find((n) => n.spiffeId === FOO_FLEET_ALIAS)!;
}

async function cliCount(server = "foo"): Promise<number> {
  return (await spireServerJson<{ count: number }>(server, ["entry", "count"], stackState())).count;
}

/** What the Overview (GET /api/servers) counts for a server, and where the count came from. */
async function overviewCount(server: string): Promise<{ entries: number | undefined; by: string | null }> {
  const res = await apiGet<{
    servers: { name: string; counts: { entries: number } | null; entriesCountedBy: string }[];
  }>(`${own!.url}/api/servers`);
  expect(res.status).toBe(200);
  const summary = res.body.servers.find((s) => s.name === server)!;
  return { entries: summary.counts?.entries, by: summary.entriesCountedBy };
}

const entry = (name: string, parentId: string, uid: number) => ({
  spiffeId: id(name),
  parentId,
  selectors: [{ type: "unix", value: `uid:${uid}` }],
});

let walksBefore = 0;
let changesBefore = 0;

/** Right before a console change: the index is there and no walk runs. */
async function markBeforeChange(): Promise<void> {
  const before = await status();
  expect(before.state).toBe("ready");
  expect(before.walking).toBeNull();
  walksBefore = before.walks;
  changesBefore = before.changes;
}

/**
 * Right after a console change and the first read that shows it: no walk ran or runs, the change
 * was patched in, and the size matches the CLI.
 */
async function expectPatchedWithoutWalk(): Promise<void> {
  const after = await status();
  expect(after.walks).toBe(walksBefore);
  expect(after.walking).toBeNull();
  expect(after.changes).toBeGreaterThan(changesBefore);
  expect(after.entries).toBe(await cliCount());
}

beforeAll(async () => {
  const stackConfig = JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as {
    servers: { name: string }[];
  };
  const servers = stackConfig.servers.map((s) => (s.name === "foo" ? { ...s, indexRefreshSeconds: 3600 } : s));
  const config = path.join(mkdtempSync(path.join(tmpdir(), "entry-index-")), "console.json");
  writeFileSync(config, JSON.stringify({ ...stackConfig, servers }));
  // No alert engine: it would walk bar's index, which the last test needs unwalked.
  own = await startConsole({ SPIRE_CONSOLE_CONFIG: config, SPIRE_CONSOLE_ALERTS: "off" });
  base = `${own.url}/api/servers/foo/entries`;
  await freshIndex();
});

afterAll(async () => {
  if (!own) return;
  const all =
    (await spireServerJson<{ entries: CliEntry[] | null }>("foo", ["entry", "show"], stackState())).entries ?? [];
  const mine = all.filter((e) => idToString(e.spiffe_id).includes(`/it-index/${run}/`));
  if (mine.length) await send("POST", `${base}/batch-delete`, { ids: mine.map((e) => e.id) });
  await own.stop();
});

describe("the entry index after console changes (no walk)", () => {
  let parent: Created;
  let child: Created;

  it("shows a created entry in the tree, the counts and search at once", async () => {
    await markBeforeChange();
    const fleetBefore = await fleetNode();
    const res = await send<Created>("POST", base, entry("parent", FOO_FLEET_ALIAS, 6101));
    expect(res.status).toBe(201);
    parent = res.body;
    expect((await children(FOO_FLEET_ALIAS)).map((n) => n.entryId)).toContain(parent.id);
    const fleet = await fleetNode();
    await expectPatchedWithoutWalk();
    expect(fleet.childCount).toBe(fleetBefore.childCount + 1);
    expect(fleet.subtreeCount).toBe(fleetBefore.subtreeCount + 1);
    expect(await search(`it-index/${run}/parent`)).toEqual([parent.id]);
  });

  it("shows batch-created entries under their new parent at once", async () => {
    await markBeforeChange();
    const res = await send<{ results: { status: { code: string }; entry?: Created }[] }>("POST", base, {
      entries: [entry("child", parent.spiffeId, 6102), entry("mover", FOO_FLEET_ALIAS, 6103)],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.status.code)).toEqual(["ok", "ok"]);
    child = res.body.results[0]!.entry!;
    expect((await children(parent.spiffeId)).map((n) => n.entryId)).toEqual([child.id]);
    await expectPatchedWithoutWalk();
    expect((await search(`it-index/${run}/`)).sort()).toEqual(
      [parent.id, child.id, res.body.results[1]!.entry!.id].sort(),
    );
  });

  it("moves an entry whose parent is edited, with both parents' counts", async () => {
    await markBeforeChange();
    const level = await children(FOO_FLEET_ALIAS);
    const mover = level.find((n) => n.spiffeId === id("mover"))!;
    const parentCount = level.find((n) => n.entryId === parent.id)!.childCount;
    const res = await send<Created>("PATCH", `${base}/${mover.entryId}`, {
      revisionNumber: 0,
      parentId: parent.spiffeId,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await children(FOO_FLEET_ALIAS);
    expect((await children(parent.spiffeId)).map((n) => n.entryId).sort()).toEqual([child.id, mover.entryId].sort());
    await expectPatchedWithoutWalk();
    expect(after.map((n) => n.entryId)).not.toContain(mover.entryId);
    expect(after.find((n) => n.entryId === parent.id)!.childCount).toBe(parentCount + 1);
  });

  it("makes the children of a deleted parent orphans at once", async () => {
    await markBeforeChange();
    const res = await send<{ deleted: string }>("DELETE", `${base}/${parent.id}`);
    expect(res.status).toBe(200);
    const orphaned = (await orphans()).filter((n) => n.entryId && n.spiffeId.includes(`/it-index/${run}/`));
    await expectPatchedWithoutWalk();
    expect(orphaned.map((n) => [n.spiffeId, n.flags.orphanReason]).sort()).toEqual([
      [id("child"), "missing-parent"],
      [id("mover"), "missing-parent"],
    ]);
    expect((await children(FOO_FLEET_ALIAS)).map((n) => n.entryId)).not.toContain(parent.id);
    // The children still name the deleted parent (search matches parent IDs too); the parent itself is gone.
    const found = await search(`it-index/${run}/parent`);
    expect(found).not.toContain(parent.id);
    expect(found).toContain(child.id);
  });

  it("drops batch-deleted entries from the orphans and search at once", async () => {
    const ids = (await search(`it-index/${run}/`)).sort();
    expect(ids).toHaveLength(2);
    await markBeforeChange();
    const res = await send<{ results: { status: { code: string } }[] }>("POST", `${base}/batch-delete`, { ids });
    expect(res.body.results.map((r) => r.status.code)).toEqual(["ok", "ok"]);
    const left = (await orphans()).filter((n) => n.spiffeId.includes(`/it-index/${run}/`));
    await expectPatchedWithoutWalk();
    expect(left).toEqual([]);
    expect(await search(`it-index/${run}/`)).toEqual([]);
  });
});

describe("the entry index after a change made with the CLI", () => {
  it("shows the entry after a refresh walk (and counts the walk), then its edit and its deletion", async () => {
    const spiffeId = id("from-cli");
    await markBeforeChange();
    const out = await spireServerJson<{ results: { entry: { id: string } }[] }>(
      "foo",
      ["entry", "create", "-parentID", FOO_FLEET_ALIAS, "-spiffeID", spiffeId, "-selector", "unix:uid:6199"],
      stackState(),
    );
    const entryId = out.results[0]!.entry.id;
    try {
      // The console was not told: until it walks, the index does not have the entry, and the
      // Overview counts what the tree counts (not a second truth from SPIRE).
      expect((await children(FOO_FLEET_ALIAS)).map((n) => n.entryId)).not.toContain(entryId);
      const indexed = (await status()).entries;
      expect(await overviewCount("foo")).toEqual({ entries: indexed, by: "index" });
      expect(await cliCount()).toBe(indexed! + 1);
      const walked = await freshIndex();
      expect(walked.walks).toBeGreaterThan(walksBefore);
      expect(walked.entries).toBe(await cliCount());
      expect(await overviewCount("foo")).toEqual({ entries: walked.entries, by: "index" });
      expect((await children(FOO_FLEET_ALIAS)).map((n) => n.entryId)).toContain(entryId);
      expect(await search(`it-index/${run}/from-cli`)).toEqual([entryId]);
      // A refresh brings the serving index up to date in place (no second index beside it).
      expect(walked.lastWalkKind).toBe("in-place");
      // Edited with the CLI (moved to another SPIFFE ID): the next refresh patches it.
      const movedId = id("from-cli-moved");
      const update = ["entry", "update", "-entryID", entryId, "-parentID", FOO_FLEET_ALIAS];
      await spireServer("foo", [...update, "-spiffeID", movedId, "-selector", "unix:uid:6199"], stackState());
      expect(await search(`it-index/${run}/from-cli-moved`)).toEqual([]);
      await freshIndex();
      expect(await search(`it-index/${run}/from-cli-moved`)).toEqual([entryId]);
      expect((await children(FOO_FLEET_ALIAS)).find((n) => n.entryId === entryId)?.spiffeId).toBe(movedId);
    } finally {
      await spireServer("foo", ["entry", "delete", "-entryID", entryId], stackState());
    }
    // Deleted with the CLI: the next refresh removes it.
    const afterDelete = await freshIndex();
    expect(afterDelete.lastWalkKind).toBe("in-place");
    expect(afterDelete.entries).toBe(await cliCount());
    expect((await children(FOO_FLEET_ALIAS)).map((n) => n.entryId)).not.toContain(entryId);
    expect(await search(`it-index/${run}/from-cli`)).toEqual([]);
  });
});

describe("the Overview's entry count without an index", () => {
  it("asks SPIRE (CountEntries) for a server this console has not indexed", async () => {
    const bar = await apiGet<Status>(`${own!.url}/api/servers/bar/entries/index`);
    expect(bar.body.state).toBe("absent");
    expect(await overviewCount("bar")).toEqual({ entries: await cliCount("bar"), by: "spire" });
  });
});
