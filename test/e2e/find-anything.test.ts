// Issue 16, item 1: an operator finds an agent, an entry, a pod or a page by any part of it,
// through the command palette (Ctrl+K) and through the list filters.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TROUBLESHOOT_NAMESPACE, TROUBLESHOOT_PODS } from "../../scripts/k8s/seed-troubleshoot.ts";
import { type CliAgent, type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { AgentsPage } from "./pages/agents-page";
import { EntriesPage } from "./pages/entries-page";
import { OverviewPage } from "./pages/overview-page";
import { launchBrowser } from "./support/browser";
import { pageErrors } from "./support/page-errors";

let browser: Browser;
let agentIds: string[];
beforeAll(async () => {
  browser = await launchBrowser();
  const listed = await spireServerJson<{ agents: CliAgent[] }>("foo", ["agent", "list"], stackState());
  agentIds = listed.agents.map((a) => idToString(a.id));
});
afterAll(async () => {
  await browser?.close();
});

/** Four characters from the middle of an agent's ID that no other agent's ID contains. */
function fourUniqueCharacters(): { agent: string; part: string } {
  for (const agent of agentIds) {
    const tail = agent.slice(agent.lastIndexOf("/") + 1);
    for (let at = 2; at + 4 <= tail.length; at++) {
      const part = tail.slice(at, at + 4);
      if (agentIds.filter((id) => id.includes(part)).length === 1) return { agent, part };
    }
  }
  throw new Error("no agent has four characters of its own");
}

describe("finding things in Chromium", () => {
  it("finds an agent by 4 characters of its ID through Ctrl+K and opens it", async () => {
    const { agent, part } = fourUniqueCharacters();
    const view = await OverviewPage.open(browser);
    await view.heading("Overview").waitFor();
    const box = await view.openPalette();
    await box.fill(part);
    const hit = view.searchResults("agent").filter({ hasText: agent });
    await hit.waitFor();
    await expect(view.searchResults("agent").count()).resolves.toBe(1);
    await view.screenshot("palette-agent");
    await hit.click();
    await view.page.waitForURL((url) => url.pathname === `/agents/${encodeURIComponent(agent)}`);
    await view.heading(agent).waitFor();
    expect(pageErrors(view.page)).toEqual([]);
    await view.close();
  });

  it("finds the same agent by those 4 characters through the Agents filter", async () => {
    const { agent, part } = fourUniqueCharacters();
    const view = await AgentsPage.open(browser, "foo");
    await view.rows().first().waitFor();
    await expect(view.rows().count()).resolves.toBe(agentIds.length);
    await view.filterById(part);
    await expect.poll(() => view.rows().count()).toBe(1);
    await view.row(agent).waitFor();
    await view.screenshot("agents-filtered-by-id");
    await view.close();
  });

  it("filters entries by part of a SPIFFE ID ('billing') in the table and the tree", async () => {
    const shown = await spireServerJson<{ entries: CliEntry[] }>("foo", ["entry", "show"], stackState());
    const billing = shown.entries.filter((e) => idToString(e.spiffe_id).includes("billing"));
    expect(billing.length).toBeGreaterThan(1);
    const view = await EntriesPage.open(browser, "foo", { view: "table" });
    await view.rows().first().waitFor();
    await view.filter({ spiffeId: "billing" });
    expect(view.page.url()).toContain("spiffeIdContains=billing");
    await expect.poll(() => view.rows().count()).toBe(billing.length);
    for (const entry of billing) await view.row(idToString(entry.spiffe_id)).first().waitFor();
    await view.page.getByRole("link", { name: "Tree" }).click();
    await view.page.waitForURL((url) => !url.searchParams.has("view"));
    // The filtered tree opens down to its matches by itself.
    await view.treeRow(idToString(billing[0]!.spiffe_id)).waitFor();
    await view.close();
  });

  it("finds a pod, a trust domain and a page across the console, and entries on both servers", async () => {
    const pod = TROUBLESHOOT_PODS.find((p) => p.case === "works")!.name;
    const view = await OverviewPage.open(browser);
    await view.heading("Overview").waitFor();
    const box = await view.openPalette();
    await box.fill(pod);
    await view
      .searchResults("pod")
      .filter({ hasText: `${TROUBLESHOOT_NAMESPACE}/${pod}` })
      .waitFor();
    await box.fill("bar.example");
    await view.searchResults("trustDomain").filter({ hasText: "bar.example.com" }).first().waitFor();
    await box.fill("expiry");
    await view.searchResults("page").filter({ hasText: "Expiry" }).first().waitFor();
    // Part of a selector value finds entries on every server that has one.
    await box.fill("spiffe://");
    await view.page.getByRole("group", { name: "Entries on foo" }).waitFor();
    await view.page.getByRole("group", { name: "Entries on bar" }).waitFor();
    await box.fill(pod);
    await view.searchResults("pod").first().waitFor();
    await expect(view.searchResults().first().getAttribute("data-kind")).resolves.toBe("pod");
    await box.press("Enter"); // the first result: the pod
    await view.page.waitForURL((url) => url.pathname === "/troubleshoot" && url.searchParams.get("name") === pod);
    await view.heading(new RegExp(`Pod ${TROUBLESHOOT_NAMESPACE}/${pod}`)).waitFor();
    await view.close();
  });
});
