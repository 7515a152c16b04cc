import { describe, expect, it } from "vitest";

import { type CliAgent, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, apiGetAllPages, sortSelectors, stackState } from "../support/api";

type ApiAgent = {
  spiffeId: string;
  attestationType: string;
  selectors: { type: string; value: string }[];
  x509SvidExpiresAt: string | null;
  banned: boolean;
  canReattest: boolean;
};

async function cliAgents(server: string, args: string[] = []): Promise<CliAgent[]> {
  const out = await spireServerJson<{ agents: CliAgent[] | null }>(server, ["agent", "list", ...args], stackState());
  return out.agents ?? [];
}

describe("GET /api/servers/{server}/agents", () => {
  it("returns exactly the agents `spire-server agent list` returns, paged", async () => {
    for (const server of ["foo", "bar"]) {
      const cli = await cliAgents(server);
      const { items } = await apiGetAllPages<ApiAgent>(`/api/servers/${server}/agents`, "agents", 1);
      expect(items.map((a) => a.spiffeId).sort()).toEqual(cli.map((a) => idToString(a.id)).sort());
    }
    expect((await cliAgents("foo")).length).toBeGreaterThanOrEqual(2);
  });

  it("maps attestation type, selectors and SVID expiry like the CLI", async () => {
    const cli = await cliAgents("foo");
    const { items } = await apiGetAllPages<ApiAgent>("/api/servers/foo/agents", "agents", 200);
    expect(cli.length).toBeGreaterThanOrEqual(2);
    for (const c of cli) {
      const api = items.find((a) => a.spiffeId === idToString(c.id));
      expect(api?.attestationType).toBe(c.attestation_type);
      expect(api?.selectors).toEqual(sortSelectors(c.selectors ?? []));
      expect(api?.x509SvidExpiresAt).toBe(new Date(Number(c.x509svid_expires_at) * 1000).toISOString());
      expect(api?.banned).toBe(Boolean(c.banned));
    }
  });

  it("filters by attestation type like `agent list -attestationType`", async () => {
    for (const type of ["x509pop", "join_token"]) {
      const cli = await cliAgents("foo", ["-attestationType", type]);
      const { items } = await apiGetAllPages<ApiAgent>(
        `/api/servers/foo/agents?attestationType=${type}`,
        "agents",
        200,
      );
      expect(cli.length, type).toBeGreaterThan(0);
      expect(items.map((a) => a.spiffeId).sort()).toEqual(cli.map((a) => idToString(a.id)).sort());
    }
  });

  it("filters by expiry: nothing expires before now, everything before next year", async () => {
    const none = await apiGet<{ agents: ApiAgent[] }>(
      `/api/servers/foo/agents?expiresBefore=${new Date().toISOString()}`,
    );
    expect(none.status).toBe(200);
    expect(none.body.agents).toEqual([]);
    const later = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const all = await apiGet<{ agents: ApiAgent[] }>(`/api/servers/foo/agents?expiresBefore=${later}`);
    expect(all.body.agents.length).toBe((await cliAgents("foo")).length);
  });

  it("gets one agent by its URL-encoded SPIFFE ID and 404s an unknown one", async () => {
    const [first] = await cliAgents("foo");
    const id = idToString(first!.id);
    const found = await apiGet<ApiAgent>(`/api/servers/foo/agents/${encodeURIComponent(id)}`);
    expect(found.status).toBe(200);
    expect(found.body.spiffeId).toBe(id);
    const missing = await apiGet<{ error: { code: string } }>(
      `/api/servers/foo/agents/${encodeURIComponent("spiffe://foo.example.com/spire/agent/join_token/does-not-exist")}`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    const malformed = await apiGet<{ error: { code: string } }>(
      `/api/servers/foo/agents/${encodeURIComponent("not a spiffe id")}`,
    );
    expect(malformed.status).toBe(400);
  });
});
