import { describe, expect, it } from "vitest";

import { FOO_FLEET_ALIAS, FOO_ORPHAN_PARENT } from "../../scripts/stack/seed-foo.ts";
import { type CliEntry, idToString, spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, stackState } from "../support/api";

type Node = {
  key: string;
  kind: string;
  spiffeId: string;
  entryId: string | null;
  childCount: number;
  subtreeCount: number;
  covers: string[];
  aliases: string[];
  flags: { orphanReason: string | null };
};
type Level = { parent: Node; nodes: Node[]; total: number; nextOffset: number | null };

const SERVER_ID = "spiffe://foo.example.com/spire/server";

async function cliEntries(args: string[] = []): Promise<CliEntry[]> {
  return (
    (await spireServerJson<{ entries: CliEntry[] | null }>("foo", ["entry", "show", ...args], stackState())).entries ??
    []
  );
}

async function level(query: string): Promise<Level> {
  const res = await apiGet<Level>(`/api/servers/foo/entries/tree?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Every entry reachable through the tree API (all levels, all pages, plus Orphans). */
async function walkTree(filter = ""): Promise<Node[]> {
  const seen: Node[] = [];
  const visited = new Set<string>();
  const queue: { parent: string | null; orphans: boolean }[] = [{ parent: null, orphans: false }];
  while (queue.length) {
    const next = queue.shift()!;
    let offset: number | null = 0;
    while (offset !== null) {
      const base: string = next.orphans
        ? `/api/servers/foo/entries/orphans?limit=7&offset=${offset}`
        : `/api/servers/foo/entries/tree?limit=7&offset=${offset}${next.parent ? `&parent=${encodeURIComponent(next.parent)}` : ""}`;
      const { body }: { body: Level } = await apiGet<Level>(`${base}${filter}`);
      for (const node of body.nodes) {
        if (node.entryId) seen.push(node);
        if (node.kind === "orphans") queue.push({ parent: null, orphans: true });
        else if (node.childCount > 0 && !visited.has(node.spiffeId)) {
          visited.add(node.spiffeId);
          queue.push({ parent: node.spiffeId, orphans: false });
        }
      }
      offset = body.nextOffset;
    }
  }
  return seen;
}

describe("GET /api/servers/{server}/entries/tree", () => {
  it("roots the tree at the server with every agent, every node entry and the Orphans group", async () => {
    const root = await level("");
    expect(root.parent.spiffeId).toBe(SERVER_ID);
    const agents = stackState()
      .servers.find((s) => s.name === "foo")!
      .agents.map((a) => a.spiffeId);
    const agentNodes = root.nodes.filter((n) => n.kind === "agent").map((n) => n.spiffeId);
    expect(agents.length).toBeGreaterThanOrEqual(2);
    for (const id of agents) expect(agentNodes).toContain(id);
    const nodeEntries = await cliEntries(["-parentID", SERVER_ID]);
    expect(
      root.nodes
        .filter((n) => n.kind === "alias")
        .map((n) => n.entryId)
        .sort(),
    ).toEqual(nodeEntries.map((e) => e.id).sort());
    expect(root.nodes.at(-1)?.kind).toBe("orphans");
  });

  it("reaches every entry `spire-server entry show` lists, exactly once, through paged levels", async () => {
    const cli = await cliEntries();
    // The index behind the tree is cached for 5 s, so changes made by other tests may take that long to show.
    await expect
      .poll(async () => (await walkTree()).map((n) => n.entryId).sort(), { timeout: 15_000, interval: 1_000 })
      .toEqual(cli.map((e) => e.id).sort());
  });

  it("shows the fleet alias covering foo-agent-1 and -2, and each agent's aliases", async () => {
    const root = await level("");
    const [a1, a2] = stackState().servers.find((s) => s.name === "foo")!.agents;
    const fleet = root.nodes.find((n) => n.spiffeId === FOO_FLEET_ALIAS);
    expect(fleet?.covers.sort()).toEqual([a1!.spiffeId, a2!.spiffeId].sort());
    expect(root.nodes.find((n) => n.spiffeId === a1!.spiffeId)?.aliases).toContain(FOO_FLEET_ALIAS);
  });

  it("counts children and whole subtrees like the CLI's parent filter", async () => {
    const direct = await cliEntries(["-parentID", FOO_FLEET_ALIAS]);
    const fleetNode = async () => (await level("")).nodes.find((n) => n.spiffeId === FOO_FLEET_ALIAS)!;
    await expect
      .poll(async () => (await fleetNode()).childCount, { timeout: 15_000, interval: 1_000 })
      .toBe(direct.length);
    const fleet = await fleetNode();
    const nested = await Promise.all(direct.map((e) => cliEntries(["-parentID", idToString(e.spiffe_id)])));
    expect(fleet.subtreeCount).toBe(direct.length + nested.flat().length);
    const children = await level(`parent=${encodeURIComponent(FOO_FLEET_ALIAS)}&limit=2`);
    expect(children.nodes).toHaveLength(2);
    expect(children.total).toBe(direct.length);
    expect(children.nextOffset).toBe(2);
  });

  it("applies the list API's filters: only matches and their ancestors remain", async () => {
    const cli = await cliEntries(["-selector", "k8s:ns:checkout", "-matchSelectorsOn", "superset"]);
    expect(cli.length).toBeGreaterThan(0);
    const walked = await walkTree("&selector=k8s:ns:checkout&match=superset");
    const matched = walked.filter((n) => cli.some((c) => c.id === n.entryId));
    expect(matched.map((n) => n.entryId).sort()).toEqual(cli.map((e) => e.id).sort());
  });

  it("answers 404 for an unknown parent and 400 for bad parameters", async () => {
    const missing = await apiGet<{ error: { code: string } }>(
      `/api/servers/foo/entries/tree?parent=${encodeURIComponent("spiffe://foo.example.com/nothing/here")}`,
    );
    expect(missing.status).toBe(404);
    const bad = await apiGet<{ error: { code: string; details: { path: string }[] } }>(
      "/api/servers/foo/entries/tree?limit=0&parent=nope",
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.path).sort()).toEqual(["limit", "parent"]);
  });

  it("shows an entry created with the CLI after the short cache expires", async () => {
    const id = `spiffe://foo.example.com/it/tree-${Date.now()}`;
    const out = await spireServerJson<{ results: { entry: { id: string } }[] }>(
      "foo",
      ["entry", "create", "-parentID", FOO_FLEET_ALIAS, "-spiffeID", id, "-selector", "unix:uid:4242"],
      stackState(),
    );
    const entryId = out.results[0]!.entry.id;
    try {
      await expect
        .poll(
          async () =>
            (await level(`parent=${encodeURIComponent(FOO_FLEET_ALIAS)}&limit=1000`)).nodes.some(
              (n) => n.entryId === entryId,
            ),
          { timeout: 20_000, interval: 1_000 },
        )
        .toBe(true);
    } finally {
      await spireServer("foo", ["entry", "delete", "-entryID", entryId], stackState());
    }
  });
});

describe("GET /api/servers/{server}/entries/orphans and entry detail", () => {
  it("lists the seeded orphan with its reason", async () => {
    const res = await apiGet<Level>("/api/servers/foo/entries/orphans");
    expect(res.status).toBe(200);
    const orphan = (await cliEntries(["-parentID", FOO_ORPHAN_PARENT]))[0]!;
    const node = res.body.nodes.find((n) => n.entryId === orphan.id);
    expect(node?.flags.orphanReason).toBe("missing-parent");
  });

  it("gives an entry's parent chain up to the server and its children", async () => {
    const [collector] = await cliEntries(["-spiffeID", "spiffe://foo.example.com/edge/eu-west/telemetry-collector"]);
    const res = await apiGet<{ chain: { kind: string; spiffeId: string }[]; children: Node[] }>(
      `/api/servers/foo/entries/${collector!.id}/detail`,
    );
    expect(res.status).toBe(200);
    expect(res.body.chain.map((l) => l.spiffeId)).toEqual([
      "spiffe://foo.example.com/edge/eu-west/spire-server",
      FOO_FLEET_ALIAS,
      SERVER_ID,
    ]);
    const [downstream] = await cliEntries(["-spiffeID", "spiffe://foo.example.com/edge/eu-west/spire-server"]);
    const parent = await apiGet<{ children: Node[] }>(`/api/servers/foo/entries/${downstream!.id}/detail`);
    expect(parent.body.children.map((c) => c.entryId)).toEqual([collector!.id]);
  });
});
