import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { FOO_FLEET_ALIAS } from "../../scripts/stack/seed-foo.ts";
import { type CliAgent, idToString, spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { type ExtraAgent, startExtraAgent } from "../integration/extra-agent";
import { launchBrowser, openConsole, saveScreenshot } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fooAgents = () => stackState().servers.find((s) => s.name === "foo")!.agents;
const row = (page: Page, spiffeId: string) => page.locator(`[data-testid="tree-row"][data-spiffe-id="${spiffeId}"]`);

async function cliAgent(id: string): Promise<CliAgent | undefined> {
  const out = await spireServerJson<{ agents: CliAgent[] | null }>("foo", ["agent", "list"], stackState());
  return (out.agents ?? []).find((a) => idToString(a.id) === id);
}

describe("the operator's views in Chromium", () => {
  it("shows foo's agents with their entries and the fleet alias with the agents it covers", async () => {
    const page = await openConsole(browser, "/entries?server=foo");
    const [a1, a2] = fooAgents();
    await row(page, a1!.spiffeId).waitFor();
    await row(page, a2!.spiffeId).waitFor();
    await row(page, a1!.spiffeId).getByRole("button", { name: "Expand" }).click();
    await row(page, "spiffe://foo.example.com/frontend/gateway").waitFor();
    await expect(row(page, a1!.spiffeId).getAttribute("aria-expanded")).resolves.toBe("true");
    const covers = row(page, FOO_FLEET_ALIAS).getByTestId("alias-covers");
    const text = await covers.textContent();
    for (const agent of [a1!, a2!]) expect(text).toContain(agent.spiffeId.replace("spiffe://foo.example.com", ""));
    await saveScreenshot(page, "entries-tree");
    await page.close();
  });

  it("lists the orphan under Orphans, and moves through the tree with the keyboard", async () => {
    const page = await openConsole(browser, "/entries?server=foo&expand=orphans");
    const orphan = row(page, "spiffe://foo.example.com/legacy/reporting");
    await orphan.waitFor();
    await orphan.getByText("parent missing").waitFor();
    const tree = page.getByRole("tree");
    await tree.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    await expect
      .poll(() => page.locator('[role="treeitem"][aria-selected="true"]').getAttribute("aria-expanded"))
      .toBe("true");
    await saveScreenshot(page, "entries-orphans");
    await page.close();
  });

  it("shows an entry created with the CLI after a refresh", async () => {
    const [, a2] = fooAgents();
    const id = `spiffe://foo.example.com/e2e/created-${Date.now()}`;
    const created = await spireServerJson<{ results: { entry: { id: string } }[] }>(
      "foo",
      ["entry", "create", "-parentID", a2!.spiffeId, "-spiffeID", id, "-selector", "unix:uid:4343"],
      stackState(),
    );
    try {
      const page = await openConsole(browser, "/entries?server=foo");
      await row(page, a2!.spiffeId).getByRole("button", { name: "Expand" }).click();
      await expect
        .poll(
          async () => {
            await page.getByRole("button", { name: "Refresh" }).click();
            return row(page, id).count();
          },
          { timeout: 30_000, interval: 2_000 },
        )
        .toBe(1);
      await row(page, id).getByRole("link").click();
      await page.getByTestId("entry-cli").getByText(id).waitFor();
      await page.getByTestId("parent-chain").getByText(a2!.spiffeId).waitFor();
      await saveScreenshot(page, "entry-detail");
      await page.close();
    } finally {
      await spireServer("foo", ["entry", "delete", "-entryID", created.results[0]!.entry.id], stackState());
    }
  });

  it("draws foo ⇄ bar with both bundles present", async () => {
    const page = await openConsole(browser, "/federation?server=foo");
    for (const [from, to] of [
      ["foo.example.com", "bar.example.com"],
      ["bar.example.com", "foo.example.com"],
    ]) {
      const edge = page.locator(`[data-testid="federation-edge"][data-from="${from}"][data-to="${to}"]`);
      await edge.waitFor({ state: "attached" });
      await expect(edge.getAttribute("data-bundle")).resolves.toBe("present");
    }
    await page.getByTestId("federation-row").first().getByText("present").waitFor();
    await saveScreenshot(page, "federation-graph");
    await page.close();
  });

  it("puts the entry that expires within a day at the top of the expiry list", async () => {
    const page = await openConsole(browser, "/expiry");
    const first = page.getByTestId("expiry-item").first();
    await first.waitFor();
    await expect(first.textContent()).resolves.toContain("spiffe://foo.example.com/billing/db-migrator");
    await expect(first.getAttribute("data-urgency")).resolves.toBe("critical");
    await page.getByTestId("expiry-timeline").waitFor();
    await saveScreenshot(page, "expiry");
    await page.close();
  });

  it("lists problems on the Overview, each with a link", async () => {
    const page = await openConsole(browser, "/");
    await page
      .getByTestId("problem")
      .getByText(/\d+ orphaned entr/)
      .first()
      .waitFor({ timeout: 60_000 });
    await page.getByTestId("server-card-foo").getByText("Healthy", { exact: true }).waitFor();
    await saveScreenshot(page, "overview-problems");
    await page.close();
  });
});

describe("ban and evict through the UI", () => {
  let extra: ExtraAgent;
  beforeAll(async () => {
    extra = await startExtraAgent(stackState(), inject("stackDir"));
  });
  afterAll(async () => {
    await extra?.stop();
  });

  it("bans, then evicts an agent after confirmations that name it", async () => {
    const page = await openConsole(browser, "/agents?server=foo");
    const agentRow = page.locator(`[data-testid="agent-row"][data-spiffe-id="${extra.spiffeId}"]`);
    await agentRow.getByRole("button", { name: "Ban" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByTestId("dialog-agent-id").textContent()).resolves.toBe(extra.spiffeId);
    await saveScreenshot(page, "agents-ban-dialog");
    await dialog.getByRole("button", { name: "Ban agent" }).click();
    await agentRow.getByText("banned").waitFor();
    expect((await cliAgent(extra.spiffeId))?.banned).toBe(true);

    await agentRow.getByRole("button", { name: "Evict" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Evict agent" }).click();
    await agentRow.waitFor({ state: "detached" });
    expect(await cliAgent(extra.spiffeId)).toBeUndefined();
    await saveScreenshot(page, "agents-after-evict");
    await page.close();
  });
});
