// Issue 14, item 3: a restarted console serves its last saved entry index (from its store) at
// once, marked with its age, while it walks SPIRE again. The walk is held up for real: foo's SPIRE
// server is frozen (SIGSTOP) when the second console starts; calls to foo get 2 minutes. An entry
// created with the CLI after the save is missing from the saved copy and shows after the walk.
// A console whose first walk fails (foo's socket is not there) also serves the saved copy.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { serverComponent } from "../../scripts/stack/components.ts";
import { getStackPaths } from "../../scripts/stack/paths.ts";
import { runningPid } from "../../scripts/stack/process.ts";
import { FOO_FLEET_ALIAS } from "../../scripts/stack/seed-foo.ts";
import { spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, stackState, waitFor } from "../support/api";
import { type RunningConsole, startConsole } from "../support/console-server";

type Status = {
  state: string;
  failure: string | null;
  entries: number | null;
  builtAt: string | null;
  walks: number;
  walking: { indexed: number } | null;
  restoredFrom: string | null;
  savedAt: string | null;
};
type Level = {
  totalEntries: number;
  builtAt: string;
  nodes: { entryId: string | null }[];
  restored: { savedAt: string; indexed: number; expected: number | null } | null;
};

const dataDir = mkdtempSync(path.join(tmpdir(), "saved-index-data-"));
let config = "";
/** The same servers, but foo's address is a socket that does not exist: every call to foo fails. */
let unreachableConfig = "";
let own: RunningConsole | undefined;
let fooPid: number | null = null;
let frozen = false;
let cliEntryId: string | null = null;

const api = (pathAndQuery: string) => `${own!.url}/api/servers/foo/entries${pathAndQuery}`;
const status = async () => (await apiGet<Status>(api("/index"))).body;

beforeAll(() => {
  const stackConfig = JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as {
    servers: { name: string }[];
  };
  // No background walks (only the ones the test starts), and time enough for a frozen foo.
  const servers = stackConfig.servers.map((s) =>
    s.name === "foo" ? { ...s, timeoutMs: 120_000, indexRefreshSeconds: 3600 } : s,
  );
  config = path.join(mkdtempSync(path.join(tmpdir(), "saved-index-")), "console.json");
  writeFileSync(config, JSON.stringify({ ...stackConfig, servers }));
  const unreachable = servers.map((s) => (s.name === "foo" ? { ...s, address: `unix://${dataDir}/no-such.sock` } : s));
  unreachableConfig = path.join(path.dirname(config), "unreachable.json");
  writeFileSync(unreachableConfig, JSON.stringify({ ...stackConfig, servers: unreachable }));
  const foo = serverComponent(getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: inject("stackDir") }), "foo");
  fooPid = runningPid(foo.spec);
});

afterAll(async () => {
  if (frozen && fooPid) process.kill(fooPid, "SIGCONT");
  await own?.stop();
  if (cliEntryId) await spireServer("foo", ["entry", "delete", "-entryID", cliEntryId], stackState());
});

describe("a restarted console and its saved entry index", () => {
  it("serves the saved index at once, marked, then the walked one", async () => {
    expect(fooPid).not.toBeNull();
    // First console: walk foo once; the first walk is saved in the store.
    own = await startConsole({ SPIRE_CONSOLE_CONFIG: config, SPIRE_CONSOLE_DATA_DIR: dataDir });
    expect((await apiGet<Level>(api("/tree"))).status).toBe(200);
    const saved = await waitFor(
      async () => {
        const s = await status();
        return s.savedAt ? s : undefined;
      },
      30_000,
      "the index saved",
    );
    expect(saved.restoredFrom).toBeNull();
    await own.stop();
    own = undefined;

    // Made elsewhere after the save: the saved copy cannot have it.
    const spiffeId = `spiffe://foo.example.com/it-saved-index/${Date.now().toString(36)}`;
    const created = await spireServerJson<{ results: { entry: { id: string } }[] }>(
      "foo",
      ["entry", "create", "-parentID", FOO_FLEET_ALIAS, "-spiffeID", spiffeId, "-selector", "unix:uid:6299"],
      stackState(),
    );
    cliEntryId = created.results[0]!.entry.id;

    // Second console on the same store, with foo frozen: the walk cannot finish.
    own = await startConsole({ SPIRE_CONSOLE_CONFIG: config, SPIRE_CONSOLE_DATA_DIR: dataDir });
    process.kill(fooPid!, "SIGSTOP");
    frozen = true;
    // A frozen walk would answer 503 with its progress after 4 s; the saved copy answers 200.
    const first = await apiGet<Level>(api("/tree"));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.totalEntries).toBe(saved.entries);
    expect(first.body.builtAt).toBe(saved.builtAt);
    expect(first.body.restored?.savedAt).toBe(saved.savedAt);
    const during = await status();
    expect(during).toMatchObject({ state: "ready", restoredFrom: saved.savedAt, walks: 0 });
    expect(during.walking).not.toBeNull();
    const fleet = await apiGet<Level>(api(`/tree?parent=${encodeURIComponent(FOO_FLEET_ALIAS)}&limit=1000`));
    expect(fleet.body.nodes.map((n) => n.entryId)).not.toContain(cliEntryId);

    // Thawed: the walk replaces the saved copy, and the CLI's entry is there.
    process.kill(fooPid!, "SIGCONT");
    frozen = false;
    const walked = await waitFor(
      async () => {
        const s = await status();
        return s.walks > 0 ? s : undefined;
      },
      60_000,
      "the walk after the restart",
    );
    expect(walked.restoredFrom).toBeNull();
    const level = await apiGet<Level>(api(`/tree?parent=${encodeURIComponent(FOO_FLEET_ALIAS)}&limit=1000`));
    expect(level.body.restored).toBeNull();
    expect(level.body.nodes.map((n) => n.entryId)).toContain(cliEntryId);
  });

  it("serves the saved index when the first walk fails, with the failure in its status", async () => {
    await own?.stop();
    own = await startConsole({ SPIRE_CONSOLE_CONFIG: unreachableConfig, SPIRE_CONSOLE_DATA_DIR: dataDir });
    const level = await apiGet<Level>(api("/tree"));
    expect(level.status, JSON.stringify(level.body)).toBe(200);
    expect(level.body.restored).not.toBeNull();
    const after = await status();
    expect(after).toMatchObject({ state: "ready", walks: 0, walking: null });
    expect(after.restoredFrom).toBe(level.body.restored!.savedAt);
    expect(after.failure).toMatch(/\S/);
  });
});
