import { describe, expect, inject, it } from "vitest";

import { spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, refreshEntryIndex, stackState } from "../support/api";
import { sample, scrape } from "../support/prometheus";

type Summary = {
  name: string;
  trustDomain: string | null;
  healthy: boolean;
  uptimeSeconds: number | null;
  counts: { entries: number; agents: number; federatedBundles: number } | null;
  entriesCountedBy: "index" | "spire" | null;
  serverSvidExpiresAt: string | null;
  error: unknown;
};

describe("GET /api/servers", () => {
  it("reports both servers healthy with the counts the CLI sees", async () => {
    // The entry count is the index's once walked (as the tree counts); walk it now, so it holds what
    // the CLI changed in earlier tests.
    for (const name of ["foo", "bar"]) expect((await refreshEntryIndex(name)).status).toBe(200);
    const res = await apiGet<{ config: { status: string }; servers: Summary[] }>("/api/servers");
    expect(res.status).toBe(200);
    expect(res.body.config.status).toBe("ok");
    expect(res.body.servers.map((s) => s.name)).toEqual(["foo", "bar"]);
    for (const server of res.body.servers) {
      expect(server.healthy, JSON.stringify(server.error)).toBe(true);
      expect(server.trustDomain).toBe(`${server.name}.example.com`);
      expect(Date.parse(server.serverSvidExpiresAt ?? "")).toBeGreaterThan(Date.now());
      const count = (await spireServer(server.name, ["entry", "count"], stackState())).trim();
      expect(count).toMatch(new RegExp(`^${server.counts?.entries} registration entries`));
      expect(server.entriesCountedBy).toBe("index");
      const agents = await spireServerJson<{ agents: unknown[] | null }>(server.name, ["agent", "list"], stackState());
      expect(server.counts?.agents).toBe(agents.agents?.length ?? 0);
      expect(server.counts?.federatedBundles).toBe(1);
    }
  });
});

describe("GET /api/servers, asked again and again", () => {
  it("asks SPIRE's Debug GetInfo at most once per server in 30 s, its uptime still advancing", async () => {
    const getInfoCalls = async () => {
      const samples = await scrape(`${inject("consoleUrl")}/metrics`);
      const calls = (server: string) =>
        sample(samples, "spire_console_spire_call_duration_seconds_count", { method: "debug/getInfo", server });
      return calls("foo") + calls("bar");
    };
    const uptime = async () => {
      const res = await apiGet<{ servers: Summary[] }>("/api/servers");
      expect(res.status).toBe(200);
      return res.body.servers.find((s) => s.name === "foo")!.uptimeSeconds!;
    };
    const first = await uptime();
    const before = await getInfoCalls();
    for (let i = 0; i < 4; i++) await uptime();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const later = await uptime();
    // Five Overviews of two servers: at most one background refresh each (when the kept answer was 30 s old).
    expect((await getInfoCalls()) - before).toBeLessThanOrEqual(2);
    expect(later - first).toBeGreaterThanOrEqual(2);
  });
});

describe("bundles and federation", () => {
  it("shows the server's own bundle with a CA that is valid now", async () => {
    const res = await apiGet<{ trustDomain: string; x509Authorities: { notAfter: string; notBefore: string }[] }>(
      "/api/servers/foo/bundle",
    );
    expect(res.status).toBe(200);
    expect(res.body.trustDomain).toBe("foo.example.com");
    expect(res.body.x509Authorities.length).toBeGreaterThan(0);
    for (const authority of res.body.x509Authorities) {
      expect(Date.parse(authority.notBefore)).toBeLessThan(Date.now());
      expect(Date.parse(authority.notAfter)).toBeGreaterThan(Date.now());
    }
  });

  it("shows each server holding the other's bundle, as `bundle list` does", async () => {
    for (const [server, other] of [
      ["foo", "bar"],
      ["bar", "foo"],
    ] as const) {
      const res = await apiGet<{ bundles: { trustDomain: string; x509Authorities: unknown[] }[] }>(
        `/api/servers/${server}/federated-bundles`,
      );
      expect(res.status).toBe(200);
      expect(res.body.bundles.map((b) => b.trustDomain)).toEqual([`${other}.example.com`]);
      const cli = await spireServer(server, ["bundle", "list", "-format", "spiffe"], stackState());
      expect(cli).toContain(`${other}.example.com`);
    }
  });

  it("lists the federation relationship with its https_spiffe profile and bundle", async () => {
    const stack = stackState();
    const bar = stack.servers.find((s) => s.name === "bar")!;
    const res = await apiGet<{
      federations: {
        trustDomain: string;
        bundleEndpointUrl: string;
        profile: { type: string; endpointSpiffeId?: string };
        bundle: unknown;
      }[];
    }>("/api/servers/foo/federations");
    expect(res.status).toBe(200);
    expect(res.body.federations).toHaveLength(1);
    const [relationship] = res.body.federations;
    expect(relationship?.trustDomain).toBe("bar.example.com");
    expect(relationship?.bundleEndpointUrl).toBe(`https://127.0.0.1:${bar.bundleEndpointPort}`);
    expect(relationship?.profile).toEqual({
      type: "https_spiffe",
      endpointSpiffeId: "spiffe://bar.example.com/spire/server",
    });
    expect(relationship?.bundle).not.toBeNull();
  });
});
