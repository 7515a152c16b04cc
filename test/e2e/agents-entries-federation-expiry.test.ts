import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { FOO_FLEET_ALIAS } from "../../scripts/stack/seed-foo.ts";
import { spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { EntriesPage } from "./pages/entries-page";
import { EntryDetailPage } from "./pages/entry-detail-page";
import { ExpiryPage } from "./pages/expiry-page";
import { FederationPage } from "./pages/federation-page";
import { OverviewPage } from "./pages/overview-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** foo's first two agents (the stack starts more; the tests need two). */
function fooAgents(): [string, string] {
  const agents = stackState().servers.find((s) => s.name === "foo")!.agents;
  expect(agents.length).toBeGreaterThanOrEqual(2);
  return [agents[0]!.spiffeId, agents[1]!.spiffeId];
}

describe("the operator's views in Chromium", () => {
  it("shows foo's agents with their entries and the fleet alias with the agents it covers", async () => {
    const entries = await EntriesPage.open(browser, "foo");
    const [a1, a2] = fooAgents();
    await entries.treeRow(a1).waitFor();
    await entries.treeRow(a2).waitFor();
    await entries.expand(a1);
    await entries.treeRow("spiffe://foo.example.com/frontend/gateway").waitFor();
    await expect(entries.treeRow(a1).getAttribute("aria-expanded")).resolves.toBe("true");
    const text = await entries.treeRow(FOO_FLEET_ALIAS).getByTestId("alias-covers").textContent();
    for (const agent of [a1, a2]) expect(text).toContain(agent.replace("spiffe://foo.example.com", ""));
    await entries.screenshot("entries-tree");
    await entries.close();
  });

  it("lists the orphan under Orphans, and moves through the tree with the keyboard", async () => {
    const entries = await EntriesPage.open(browser, "foo", { expand: "orphans" });
    const orphan = entries.treeRow("spiffe://foo.example.com/legacy/reporting");
    await orphan.waitFor();
    await orphan.getByText("parent missing").waitFor();
    await entries.tree().focus();
    await entries.page.keyboard.press("ArrowDown");
    await entries.page.keyboard.press("ArrowRight");
    await expect.poll(() => entries.activeTreeRow().getAttribute("aria-expanded")).toBe("true");
    await entries.screenshot("entries-orphans");
    await entries.close();
  });

  it("shows an entry created with the CLI after a refresh", async () => {
    const [, a2] = fooAgents();
    const id = `spiffe://foo.example.com/e2e/created-${Date.now()}`;
    const created = await spireServerJson<{ results: { entry: { id: string } }[] }>(
      "foo",
      ["entry", "create", "-parentID", a2, "-spiffeID", id, "-selector", "unix:uid:4343"],
      stackState(),
    );
    try {
      const entries = await EntriesPage.open(browser, "foo");
      await entries.expand(a2);
      await expect
        .poll(
          async () => {
            await entries.page.getByRole("button", { name: "Refresh" }).click();
            return entries.treeRow(id).count();
          },
          { timeout: 30_000, interval: 2_000 },
        )
        .toBe(1);
      await entries.treeRow(id).getByRole("link").click();
      const detail = new EntryDetailPage(entries.page);
      await detail.cli().getByText(id).waitFor();
      await detail.parentChain().getByText(a2).waitFor();
      await detail.screenshot("entry-detail");
      await detail.close();
    } finally {
      await spireServer("foo", ["entry", "delete", "-entryID", created.results[0]!.entry.id], stackState());
    }
  });

  it("draws foo ⇄ bar with both bundles present", async () => {
    const federation = await FederationPage.open(browser, "foo");
    for (const [from, to] of [
      ["foo.example.com", "bar.example.com"],
      ["bar.example.com", "foo.example.com"],
    ] as const) {
      const edge = federation.edge(from, to);
      await edge.waitFor({ state: "attached" });
      await expect(edge.getAttribute("data-bundle")).resolves.toBe("present");
    }
    await federation.rows().first().getByText("present").waitFor();
    await federation.screenshot("federation-graph");
    await federation.close();
  });

  it("puts the entry that expires within a day at the top of the expiry list", async () => {
    const expiry = await ExpiryPage.open(browser);
    const first = expiry.items().first();
    await first.waitFor();
    await expect(first.textContent()).resolves.toContain("spiffe://foo.example.com/billing/db-migrator");
    await expect(first.getAttribute("data-urgency")).resolves.toBe("critical");
    await expiry.timeline().waitFor();
    await expiry.screenshot("expiry");
    await expiry.close();
  });

  it("lists problems on the Overview, each with a link", async () => {
    const overview = await OverviewPage.open(browser);
    await overview
      .problems()
      .getByText(/\d+ (orphan entr|entr(y|ies) whose parent agent is gone)/)
      .first()
      .waitFor({ timeout: 60_000 });
    await overview.waitReachable("foo");
    const problems = await overview.problems().count();
    expect(problems).toBeGreaterThan(0);
    // One link per problem (a root cause's symptoms under it have their own).
    await expect(overview.problems().getByTestId("problem-link").count()).resolves.toBe(problems);
    await overview.screenshot("overview-problems");
    await overview.close();
  });
});
