import { describe, expect, it } from "vitest";

import { type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, apiGetAllPages, sortSelectors, stackState } from "../support/api";

type ApiEntry = {
  id: string;
  spiffeId: string;
  parentId: string;
  selectors: { type: string; value: string }[];
} & Record<string, unknown>;

async function cliEntries(server: string, args: string[] = []): Promise<CliEntry[]> {
  const out = await spireServerJson<{ entries: CliEntry[] | null }>(server, ["entry", "show", ...args], stackState());
  return out.entries ?? [];
}

const sortedIds = (items: { id: string }[]) => items.map((e) => e.id).sort();

describe("GET /api/servers/{server}/entries", () => {
  it("returns exactly the entries `spire-server entry show` returns, paged with a small pageSize", async () => {
    for (const server of ["foo", "bar"]) {
      const cli = await cliEntries(server);
      const { items, pages } = await apiGetAllPages<ApiEntry>(`/api/servers/${server}/entries`, "entries", 3);
      expect(cli.length).toBeGreaterThan(3);
      expect(pages).toBeGreaterThan(1);
      expect(sortedIds(items)).toEqual(sortedIds(cli));
    }
  });

  it("maps every field like the CLI shows it", async () => {
    const cli = await cliEntries("foo");
    const { items } = await apiGetAllPages<ApiEntry>("/api/servers/foo/entries", "entries", 500);
    expect(cli.length).toBeGreaterThan(10);
    for (const c of cli) {
      const api = items.find((e) => e.id === c.id);
      expect(api, c.id).toBeDefined();
      expect(api?.spiffeId).toBe(idToString(c.spiffe_id));
      expect(api?.parentId).toBe(idToString(c.parent_id));
      expect(api?.selectors).toEqual(sortSelectors(c.selectors));
      expect(api?.federatesWith).toEqual(c.federates_with ?? []);
      expect(api?.dnsNames).toEqual(c.dns_names ?? []);
      expect(api?.admin).toBe(Boolean(c.admin));
      expect(api?.downstream).toBe(Boolean(c.downstream));
      expect(api?.hint).toBe(c.hint ?? "");
      const expires = Number(c.expires_at ?? 0);
      expect(api?.expiresAt).toBe(expires > 0 ? new Date(expires * 1000).toISOString() : null);
    }
  });

  it("filters by parent ID like `entry show -parentID`", async () => {
    const all = await cliEntries("foo");
    const parents = [...new Set(all.map((e) => idToString(e.parent_id)))];
    expect(parents.length).toBeGreaterThan(2);
    for (const parent of parents) {
      const cli = await cliEntries("foo", ["-parentID", parent]);
      const { items } = await apiGetAllPages<ApiEntry>(
        `/api/servers/foo/entries?parentId=${encodeURIComponent(parent)}`,
        "entries",
        200,
      );
      expect(sortedIds(items), parent).toEqual(sortedIds(cli));
    }
  });

  it("filters by selectors with every match mode like `-matchSelectorsOn`", async () => {
    const all = await cliEntries("foo");
    const withTwo = all.find((e) => e.selectors.length >= 2);
    expect(withTwo).toBeDefined();
    const selectorSets = [withTwo!.selectors.slice(0, 1), withTwo!.selectors.slice(0, 2)];
    let nonEmptyResults = 0;
    for (const selectors of selectorSets) {
      for (const match of ["exact", "subset", "superset", "any"]) {
        const cliArgs = selectors
          .flatMap((s) => ["-selector", `${s.type}:${s.value}`])
          .concat("-matchSelectorsOn", match);
        const cli = await cliEntries("foo", cliArgs);
        const query = selectors.map((s) => `selector=${encodeURIComponent(`${s.type}:${s.value}`)}`).join("&");
        const { items } = await apiGetAllPages<ApiEntry>(
          `/api/servers/foo/entries?${query}&match=${match}`,
          "entries",
          200,
        );
        expect(sortedIds(items), `${match} ${JSON.stringify(selectors)}`).toEqual(sortedIds(cli));
        if (cli.length > 0) nonEmptyResults += 1;
      }
    }
    expect(nonEmptyResults).toBeGreaterThanOrEqual(4);
  });

  it("filters by federatesWith", async () => {
    const cli = await cliEntries("foo", [
      "-federatesWith",
      "spiffe://bar.example.com",
      "-matchFederatesWithOn",
      "superset",
    ]);
    const { items } = await apiGetAllPages<ApiEntry>(
      "/api/servers/foo/entries?federatesWith=bar.example.com",
      "entries",
      200,
    );
    expect(cli.length).toBeGreaterThan(0);
    expect(sortedIds(items)).toEqual(sortedIds(cli));
  });

  it("gets one entry by ID, and answers 404 for an unknown one", async () => {
    const [first] = await cliEntries("foo");
    const found = await apiGet<ApiEntry>(`/api/servers/foo/entries/${first!.id}`);
    expect(found.status).toBe(200);
    expect(found.body.spiffeId).toBe(idToString(first!.spiffe_id));
    const missing = await apiGet<{ error: { code: string } }>(
      "/api/servers/foo/entries/00000000-0000-0000-0000-000000000000",
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });

  it("rejects bad queries with 400 and names the field", async () => {
    const bad = await apiGet<{ error: { code: string; message: string; details: { path: string }[] } }>(
      "/api/servers/foo/entries?selector=broken&pageSize=0",
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_argument");
    expect(bad.body.error.details.map((d) => d.path).sort()).toEqual(["pageSize", "selector.0"]);
  });

  it("answers 404 not_found for an unknown server", async () => {
    const res = await apiGet<{ error: { code: string; message: string } }>("/api/servers/nope/entries");
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: "not_found", message: "Unknown SPIRE server 'nope'." });
  });
});
