import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { type CliAgent, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, consoleFetch, stackState } from "../support/api";
import { type ExtraAgent, startExtraAgent } from "../support/extra-agent";

let extra: ExtraAgent;
beforeAll(async () => {
  extra = await startExtraAgent(stackState(), inject("stackDir"));
});
afterAll(async () => {
  await extra?.stop();
});

async function cliAgent(id: string): Promise<CliAgent | undefined> {
  const out = await spireServerJson<{ agents: CliAgent[] | null }>("foo", ["agent", "list"], stackState());
  return (out.agents ?? []).find((a) => idToString(a.id) === id);
}

const url = (id: string) => `${inject("consoleUrl")}/api/servers/foo/agents/${encodeURIComponent(id)}`;

describe("agent actions", () => {
  it("shows the agent with the entries that target it directly and through aliases", async () => {
    const [agent1] = stackState().servers.find((s) => s.name === "foo")!.agents;
    const res = await apiGet<{
      agent: { spiffeId: string };
      directTotal: number;
      viaAliases: { alias: { spiffeId: string } }[];
    }>(`/api/servers/foo/agents/${encodeURIComponent(agent1!.spiffeId)}/entries`);
    expect(res.status).toBe(200);
    expect(res.body.directTotal).toBeGreaterThan(0);
    expect(res.body.viaAliases.map((v) => v.alias.spiffeId)).toContain("spiffe://foo.example.com/node/fleet");
  });

  it("refuses a ban without a JSON body or from another origin", async () => {
    expect((await consoleFetch(`${url(extra.spiffeId)}/ban`, { method: "POST" })).status).toBe(415);
    const cross = await consoleFetch(`${url(extra.spiffeId)}/ban`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: "{}",
    });
    expect(cross.status).toBe(403);
    expect((await cliAgent(extra.spiffeId))?.banned).toBeFalsy();
  });

  it("bans, then evicts an agent; `spire-server agent list` confirms each step", async () => {
    const ban = await consoleFetch(`${url(extra.spiffeId)}/ban`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(ban.status).toBe(204);
    expect((await cliAgent(extra.spiffeId))?.banned).toBe(true);
    const evict = await consoleFetch(url(extra.spiffeId), { method: "DELETE" });
    expect(evict.status).toBe(204);
    expect(await cliAgent(extra.spiffeId)).toBeUndefined();
    const again = await consoleFetch(url(extra.spiffeId), { method: "DELETE" });
    expect(again.status).toBe(404);
  });
});
