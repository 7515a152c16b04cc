// Banning and evicting an agent from the Agents page: confirmations that name the agent and say how
// many entries it serves, focus given back, and the SPIRE CLI as the witness of each change.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { type CliAgent, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, stackState } from "../support/api";
import { type ExtraAgent, startExtraAgent } from "../support/extra-agent";
import { AgentsPage } from "./pages/agents-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function cliAgent(id: string): Promise<CliAgent | undefined> {
  const out = await spireServerJson<{ agents: CliAgent[] | null }>("foo", ["agent", "list"], stackState());
  return (out.agents ?? []).find((a) => idToString(a.id) === id);
}

describe("ban and evict through the UI", () => {
  let extra: ExtraAgent;
  beforeAll(async () => {
    extra = await startExtraAgent(stackState(), inject("stackDir"));
  });
  afterAll(async () => {
    await extra?.stop();
  });

  it("bans, then evicts an agent after confirmations that name it", async () => {
    // The Agents page lists the fleet from the console's cached index (fresh for 5-60 s): wait until it
    // holds the agent.
    const listed = async () => {
      const res = await apiGet<{ total: number }>(
        `/api/servers/foo/agents/fleet?spiffeIdContains=${encodeURIComponent(extra.spiffeId)}`,
      );
      return res.body.total;
    };
    await expect.poll(listed, { timeout: 60_000, interval: 2_000 }).toBe(1);
    const agents = await AgentsPage.open(browser, "foo");
    const row = agents.row(extra.spiffeId);
    // Ban and Evict sit in the row's Actions menu.
    await agents.openRowMenu(extra.spiffeId);
    const ban = row.getByRole("button", { name: "Ban", exact: true });
    await ban.click();
    await expect(agents.dialog().getByTestId("dialog-agent-id").textContent()).resolves.toBe(extra.spiffeId);
    await agents.screenshot("agents-ban-dialog");
    await agents
      .dialog()
      .getByTestId("dialog-served-entries")
      .getByText(/It serves \d+ entr/)
      .waitFor();
    await agents.dialog().getByRole("button", { name: "Ban agent" }).click();
    await agents.toasts().getByText("Agent banned on foo").waitFor();
    await row.getByText("banned").waitFor();
    expect((await cliAgent(extra.spiffeId))?.banned).toBe(true);

    await agents.openRowMenu(extra.spiffeId);
    const evict = row.getByRole("button", { name: "Evict", exact: true });
    await evict.click();
    await agents.dialog().getByRole("button", { name: "Cancel" }).click();
    await agents.dialog().waitFor({ state: "hidden" });
    // Focus goes back to the button that opened the dialog.
    await expect(evict.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    await evict.click();
    await agents.dialog().getByRole("button", { name: "Evict agent" }).click();
    await agents.toasts().getByText("Agent evicted from foo").waitFor();
    await row.waitFor({ state: "detached" });
    expect(await cliAgent(extra.spiffeId)).toBeUndefined();
    await agents.screenshot("agents-after-evict");
    await agents.close();
  });
});
