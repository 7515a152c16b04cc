import { afterAll, describe, expect, inject, it } from "vitest";

import { agentComponent } from "../../scripts/stack/components.ts";
import { CONSOLE_AGENT } from "../../scripts/stack/console-config.ts";
import { getStackPaths } from "../../scripts/stack/paths.ts";
import { runningPid, stopProcess } from "../../scripts/stack/process.ts";
import { apiGet, stackUp, waitFor } from "../support/api";
import { CONSOLE_ID, serversAndIdentity } from "../support/mtls";

describe("the console's Workload API agent going away and coming back", () => {
  const agent = agentComponent(
    getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: inject("stackDir") }),
    CONSOLE_AGENT,
  );
  afterAll(() => stackUp());

  it("keeps using the current SVID, reports the Workload API down, and recovers after stack:up", async () => {
    const before = (await serversAndIdentity()).identity;
    expect(before).toMatchObject({ state: "ready", spiffeId: CONSOLE_ID });
    expect(runningPid(agent.spec)).not.toBeNull();

    await stopProcess(agent.spec);
    const down = await waitFor(
      async () => {
        const { identity } = await serversAndIdentity();
        return identity.state === "down" ? identity : undefined;
      },
      15_000,
      "Workload API reported down",
    );
    expect(down.error).toMatch(/agent/i);
    expect(down).toMatchObject({ spiffeId: CONSOLE_ID, expiresAt: before.expiresAt, expired: false });
    // The SVID in memory still authenticates the console to bar.
    const entries = await apiGet("/api/servers/bar/entries?pageSize=5");
    expect(entries.status).toBe(200);
    const { servers } = await serversAndIdentity();
    expect(servers.every((s) => s.healthy)).toBe(true);

    stackUp();
    const back = await waitFor(
      async () => {
        const { identity } = await serversAndIdentity();
        return identity.state === "ready" ? identity : undefined;
      },
      20_000,
      "Workload API back",
    );
    expect(back).toMatchObject({ spiffeId: CONSOLE_ID, error: null });
    expect(back.updates).toBeGreaterThan(before.updates);
    expect((await apiGet("/api/servers/bar/entries?pageSize=5")).status).toBe(200);
  });
});
