import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { type CliAgent, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, consoleFetch, stackState, waitFor } from "../support/api";
import { auditRecords } from "../support/audit";
import { setAgentExpiry } from "../support/cleanup";
import { type ExtraAgent, startExtraAgent } from "../support/extra-agent";

type CliFullAgent = CliAgent & { agent_version: string; can_reattest: boolean; x509svid_serial_number: string };
type Fleet = {
  summary: {
    total: number;
    serverVersion: string | null;
    versions: { version: string; count: number; skew: string }[];
    attestationTypes: { type: string; count: number }[];
    expiring: { expired: number; within24h: number; within7d: number };
    cannotReattest: number;
    banned: number;
  };
  agents: { spiffeId: string; agentVersion: string; entriesCount: number; selectors: unknown[]; expiry: string }[];
  total: number;
};

async function cliAgents(): Promise<CliFullAgent[]> {
  return (
    (await spireServerJson<{ agents: CliFullAgent[] | null }>("foo", ["agent", "list"], stackState())).agents ?? []
  );
}

/** Counts of `key` over the CLI's agents, sorted like the console's. */
function grouped(agents: CliFullAgent[], key: (a: CliFullAgent) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const agent of agents) counts.set(key(agent), (counts.get(key(agent)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

const fleet = async (query = "") => {
  const res = await apiGet<Fleet>(`/api/servers/foo/agents/fleet${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

async function batch(action: "ban" | "evict", ids: string[], dryRun: boolean) {
  const response = await consoleFetch(`/api/servers/foo/agents/batch-${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ids, dryRun }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("agent fleet health", () => {
  it("counts agents per version and per attestation type exactly as `spire-server agent list` groups them", async () => {
    const cli = await cliAgents();
    expect(cli.length).toBeGreaterThan(3);
    // The fleet comes from the cached entry index: wait until it has caught up with the CLI.
    const body = await waitFor(
      async () => {
        const f = await fleet();
        return f.summary.total === cli.length ? f : undefined;
      },
      15_000,
      "the fleet to match the CLI",
    );
    const byVersion = body.summary.versions.map((v) => [v.version, v.count] as [string, number]);
    const byType = body.summary.attestationTypes.map((t) => [t.type, t.count] as [string, number]);
    expect(byVersion.sort(([a], [b]) => a.localeCompare(b))).toEqual(grouped(cli, (a) => a.agent_version));
    expect(byType).toEqual(grouped(cli, (a) => a.attestation_type));
    expect(body.summary.serverVersion).toBe("1.15.3");
    expect(body.summary.versions.find((v) => v.version === "1.15.3")?.skew).toBe("current");
    expect(body.summary.cannotReattest).toBe(cli.filter((a) => !a.can_reattest).length);
    expect(body.summary.banned).toBe(cli.filter((a) => a.banned).length);

    // Each panel is a filter; the list is paged on the server.
    const psat = await fleet("?attestationType=k8s_psat&limit=2");
    expect(psat.total).toBe(cli.filter((a) => a.attestation_type === "k8s_psat").length);
    expect(psat.agents).toHaveLength(Math.min(2, psat.total));
    const noReattest = await fleet("?canReattest=false");
    expect(noReattest.agents.map((a) => a.spiffeId).sort()).toEqual(
      cli
        .filter((a) => !a.can_reattest)
        .map((a) => idToString(a.id))
        .sort(),
    );
    // The agent's entries count: foo-agent-1 has the console's own entry among others.
    const agent1 = stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
    const entries = await spireServerJson<{ entries: unknown[] | null }>(
      "foo",
      ["entry", "show", "-parentID", agent1],
      stackState(),
    );
    expect((await fleet()).agents.find((a) => a.spiffeId === agent1)?.entriesCount).toBe(entries.entries?.length ?? 0);
  });

  describe("bulk ban and evict", () => {
    const extras: ExtraAgent[] = [];
    beforeAll(async () => {
      extras.push(...(await Promise.all([1, 2].map(() => startExtraAgent(stackState(), inject("stackDir"))))));
    }, 90_000);
    afterAll(async () => {
      for (const extra of extras) await extra.stop();
    });

    it("dry-runs, then bans and evicts several agents with a result per row", async () => {
      const ids = extras.map((e) => e.spiffeId);
      const before = await cliAgents();
      const dry = await batch("evict", ids, true);
      expect(dry.status, JSON.stringify(dry.body)).toBe(200);
      expect(dry.body.calls).toEqual(ids.map((id) => ({ rpc: "DeleteAgent", id })));
      expect((dry.body.rows as { note: string }[])[0]!.note).toMatch(/cannot re-attest \(join_token\)/);
      expect((await cliAgents()).length).toBe(before.length);

      const ban = await batch("ban", ids, false);
      expect(ban.status).toBe(200);
      expect((ban.body.rows as { outcome: string }[]).map((r) => r.outcome)).toEqual(["ok", "ok"]);
      const banned = (await cliAgents()).filter((a) => ids.includes(idToString(a.id)));
      expect(banned.map((a) => a.banned)).toEqual([true, true]);
      // Banning again skips them; the dry run says so.
      expect(((await batch("ban", ids, true)).body.calls as unknown[]).length).toBe(0);

      const missing = "spiffe://foo.example.com/spire/agent/join_token/never-attested";
      const evict = await batch("evict", [...ids, missing], false);
      expect(evict.status).toBe(200);
      const rows = evict.body.rows as { id: string; outcome: string; error: { code: string } | null }[];
      expect(rows.map((r) => [r.outcome, r.error?.code ?? null])).toEqual([
        ["ok", null],
        ["ok", null],
        ["error", "not_found"],
      ]);
      expect((await cliAgents()).some((a) => ids.includes(idToString(a.id)))).toBe(false);
      const records = (await auditRecords({ intents: "true", server: "foo" })).filter(
        (r) => r.batchId === evict.body.batchId,
      );
      expect(records.filter((r) => r.phase === "intent").map((r) => r.target.id)).toEqual(
        expect.arrayContaining([...ids, missing]),
      );
      expect(records.filter((r) => r.phase === "result" && r.outcome === "ok")).toHaveLength(2);
    });
  });

  describe("expiring within 24 h", () => {
    let quiet: ExtraAgent;
    beforeAll(async () => {
      quiet = await startExtraAgent(stackState(), inject("stackDir"));
      await quiet.stop();
      // Stopped with 10 of its 60 minutes left: past SPIRE's renewal at half the lifetime, and it will not renew.
      setAgentExpiry(quiet.spiffeId, new Date(Date.now() + 10 * 60_000));
    }, 90_000);
    afterAll(async () => {
      await spireServerJson("foo", ["agent", "evict", "-spiffeID", quiet.spiffeId], stackState()).catch(() => {});
    });

    it("counts only agents that will not renew in time, with the same number on the Overview", async () => {
      const cli = await cliAgents();
      const day = Date.now() + 86_400_000;
      const left = (a: CliFullAgent) => Number(a.x509svid_expires_at) * 1000;
      const rawWithinDay = cli.filter((a) => left(a) > Date.now() && left(a) < day);
      // Every running agent's 1-hour SVID expires within a day: the old count called them all expiring.
      expect(rawWithinDay.length).toBeGreaterThan(2);
      const listed = await waitFor(
        async () => {
          const f = await fleet("?expiring=24h");
          return f.agents.some((a) => a.spiffeId === quiet.spiffeId) ? f : undefined;
        },
        20_000,
        "the stopped agent among those expiring within 24 h",
      );
      const running = stackState()
        .servers.find((s) => s.name === "foo")!
        .agents.map((a) => a.spiffeId);
      expect(running.length).toBeGreaterThan(0);
      for (const id of running) expect(listed.agents.map((a) => a.spiffeId)).not.toContain(id);
      expect(listed.summary.expiring.within24h).toBe(listed.total);
      expect(listed.summary.expiring.within24h).toBeLessThan(rawWithinDay.length);

      const overview = await apiGet<{ problems: { title: string; href: string }[] }>("/api/overview");
      const n = listed.summary.expiring.within24h;
      const problem = overview.body.problems.find((p) => p.href === "/agents?server=foo&expiring=24h");
      expect(problem?.title).toBe(`${n} ${n === 1 ? "agent" : "agents"} expiring within 24 h`);
    });
  });
});
