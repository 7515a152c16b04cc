// Issue 16, item 3: one clear server scope. Switching on a detail page lands on the other
// server's list, an unknown server is an error that says so, the choice is remembered for the
// next visit, and pages that span every server say "All servers".
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { FOO_FLEET_ALIAS } from "../../scripts/stack/seed-foo.ts";
import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { ConsolePage } from "./pages/console-page";
import { EntriesPage } from "./pages/entries-page";
import { EntryDetailPage } from "./pages/entry-detail-page";
import { launchBrowser, openConsole } from "./support/browser";
import { pageErrors } from "./support/page-errors";

let browser: Browser;
let aliasId: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const shown = await spireServerJson<{ entries: CliEntry[] }>(
    "foo",
    ["entry", "show", "-spiffeID", FOO_FLEET_ALIAS],
    stackState(),
  );
  aliasId = shown.entries[0]!.id;
});
afterAll(async () => {
  await browser?.close();
});

describe("one clear server scope", () => {
  it("switching server on an entry page lands on that server's entry list", async () => {
    const view = await EntryDetailPage.open(browser, "foo", aliasId);
    await view.parentChain().waitFor();
    await view.switchServer("bar");
    await view.page.waitForURL((url) => url.pathname === "/entries" && url.searchParams.get("server") === "bar");
    const list = new EntriesPage(view.page);
    await list.treeRow("spiffe://bar.example.com/spire/server").waitFor();
    await expect(view.page.getByText(/not found/i).count()).resolves.toBe(0);
    expect(pageErrors(view.page)).toEqual([]);
    await view.close();
  });

  it("says an unknown server is unknown instead of showing another one", async () => {
    const view = new ConsolePage(await openConsole(browser, "/agents?server=nosuch"));
    await view.heading("Unknown SPIRE server").waitFor();
    await view.page.getByText("There is no SPIRE server called 'nosuch'").waitFor();
    await expect(view.page.getByTestId("agent-row").count()).resolves.toBe(0);
    await view.page.getByRole("link", { name: "bar", exact: true }).click();
    await view.page.waitForURL((url) => url.pathname === "/agents" && url.searchParams.get("server") === "bar");
    await view.screenshot("unknown-server");
    await view.close();
  });

  it("remembers the chosen server for the next visit", async () => {
    const view = await EntriesPage.open(browser, "foo");
    await view.treeRow("spiffe://foo.example.com/spire/server").waitFor();
    await view.switchServer("bar");
    await view.treeRow("spiffe://bar.example.com/spire/server").waitFor();
    // A new visit without ?server= (same browser profile) starts on bar, and the nav carries it.
    const again = await view.page.context().newPage();
    await again.goto(`${inject("consoleUrl")}/agents`);
    await again.getByTestId("agent-row").first().waitFor();
    await expect(again.getByLabel("SPIRE server").inputValue()).resolves.toBe("bar");
    await expect(again.getByTestId("agent-row").first().getAttribute("data-spiffe-id")).resolves.toMatch(
      /^spiffe:\/\/bar\.example\.com\//,
    );
    await again
      .getByRole("navigation", { name: "Sections" })
      .getByRole("link", { name: "Entries", exact: true })
      .click();
    await again.waitForURL((url) => url.pathname === "/entries" && url.searchParams.get("server") === "bar");
    await view.close();
  });

  it.each([
    ["Overview", "/"],
    ["Expiry", "/expiry"],
    ["Kubernetes", "/kubernetes"],
  ])("%s spans every server and says so", async (title, path) => {
    const view = new ConsolePage(await openConsole(browser, `${path}?server=bar`));
    await view.heading(title).first().waitFor();
    await expect(view.serverScope().textContent()).resolves.toContain("All servers");
    await expect(view.page.getByLabel("SPIRE server").count()).resolves.toBe(0);
    await view.close();
  });
});
