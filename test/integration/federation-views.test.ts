import { describe, expect, it } from "vitest";

import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, consoleFetch, stackState } from "../support/api";

type Edge = {
  server: string;
  from: string;
  to: string;
  bundlePresent: boolean;
  sequenceNumber: string | null;
  refreshHint: number | null;
  caNotAfter: string | null;
  entryCount: number;
  profile: string;
  bundleEndpointUrl: string;
};
type Placement = { cluster: string; deployment: string; namespace: string; serverInCluster: boolean };
type Graph = {
  nodes: { trustDomain: string; server: string | null; runsIn?: Placement[] }[];
  edges: Edge[];
  flags: { kind: string }[];
};
type CliBundle = { trust_domain: string; sequence_number: string; refresh_hint: string };

async function post(path: string, init: RequestInit = {}): Promise<Response> {
  return consoleFetch(`${path}`, { method: "POST", ...init });
}

describe("GET /api/federation", () => {
  it("draws foo ⇄ bar with bundles present, sequence numbers and refresh hints like `bundle list`", async () => {
    const res = await apiGet<Graph>("/api/federation");
    expect(res.status).toBe(200);
    expect(res.body.nodes.map((n) => [n.trustDomain, n.server])).toEqual([
      ["bar.example.com", "bar"],
      ["foo.example.com", "foo"],
    ]);
    for (const [server, from, to] of [
      ["foo", "foo.example.com", "bar.example.com"],
      ["bar", "bar.example.com", "foo.example.com"],
    ] as const) {
      const edge = res.body.edges.find((e) => e.server === server && e.to === to);
      expect(edge, `${from}->${to}`).toMatchObject({ from, bundlePresent: true, profile: "https_spiffe" });
      const cli = await spireServerJson<{ bundles: CliBundle[] }>(server, ["bundle", "list"], stackState());
      const bundle = cli.bundles.find((b) => b.trust_domain === to)!;
      expect(edge?.sequenceNumber).toBe(bundle.sequence_number);
      expect(edge?.refreshHint).toBe(Number(bundle.refresh_hint));
      expect(edge?.caNotAfter).not.toBeNull();
    }
  });

  it("says where each server runs: every deployment of the stack's clusters that names it, its own first", async () => {
    const res = await apiGet<Graph>("/api/federation");
    expect(res.status).toBe(200);
    const clusters = stackState().kubernetes!.clusters!;
    for (const server of ["foo", "bar"]) {
      const expected = clusters
        .flatMap((c) =>
          c.deployments
            .filter((d) => d.spireServer === server)
            .map((d) => ({
              cluster: c.name,
              deployment: d.name,
              namespace: d.namespace,
              serverInCluster: d.serverInCluster,
            })),
        )
        .sort((a, b) => Number(b.serverInCluster) - Number(a.serverInCluster));
      expect(res.body.nodes.find((n) => n.server === server)?.runsIn, server).toEqual(expected);
    }
    // The article's topology and one server across two clusters, as the stack builds them.
    expect(res.body.nodes.find((n) => n.server === "foo")?.runsIn?.map((p) => [p.cluster, p.serverInCluster])).toEqual([
      ["demo", true],
      ["edge", false],
    ]);
  });

  it("counts the entries that federate with each domain like `entry show -federatesWith`", async () => {
    const res = await apiGet<Graph>("/api/federation");
    const cli = await spireServerJson<{ entries: CliEntry[] | null }>(
      "foo",
      ["entry", "show", "-federatesWith", "spiffe://bar.example.com", "-matchFederatesWithOn", "superset"],
      stackState(),
    );
    expect(res.body.edges.find((e) => e.server === "foo")?.entryCount).toBe(cli.entries?.length);
    expect(cli.entries?.length).toBeGreaterThan(0);
  });
});

describe("POST /api/servers/{server}/federations/{td}/refresh", () => {
  it("refreshes a bundle for a same-origin JSON request", async () => {
    const res = await post("/api/servers/foo/federations/bar.example.com/refresh", {
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(204);
  });

  it("refuses cross-site and non-JSON requests, and unknown trust domains", async () => {
    const cross = await post("/api/servers/foo/federations/bar.example.com/refresh", {
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: "{}",
    });
    expect(cross.status).toBe(403);
    const form = await post("/api/servers/foo/federations/bar.example.com/refresh", {
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(form.status).toBe(415);
    const unknown = await post("/api/servers/foo/federations/nowhere.example/refresh", {
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(unknown.status).toBe(404);
  });
});
