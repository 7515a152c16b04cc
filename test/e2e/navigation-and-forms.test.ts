// Navigation and form details, each as the user meets it: the tree's URL, table sorting, the ban
// dialog, breadcrumbs and skip link, the pods panel, the parent input.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { FOO_FLEET_ALIAS } from "../../scripts/stack/seed-foo.ts";
import { type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { AgentsPage } from "./pages/agents-page";
import { EntriesPage } from "./pages/entries-page";
import { EntryDetailPage } from "./pages/entry-detail-page";
import { EntryFormPage } from "./pages/entry-form-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
let entries: CliEntry[];
beforeAll(async () => {
  browser = await launchBrowser();
  entries = (await spireServerJson<{ entries: CliEntry[] }>("foo", ["entry", "show"], stackState())).entries;
});
afterAll(async () => {
  await browser?.close();
});

const fooAgent = () => stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;

describe("small things that add up", () => {
  it("keeps the tree's expanded rows in the URL, so Back reopens them", async () => {
    const view = await EntriesPage.open(browser, "foo");
    await view.expand(fooAgent());
    const child = entries.find((e) => idToString(e.parent_id) === fooAgent())!;
    await view.treeRow(idToString(child.spiffe_id)).first().waitFor();
    await expect.poll(() => new URL(view.page.url()).searchParams.getAll("expand").length).toBe(1);
    await view.treeRow(idToString(child.spiffe_id)).first().getByRole("link").click();
    await view.page.waitForURL((url) => url.pathname.startsWith("/entries/"));
    await view.page.goBack();
    await view.treeRow(idToString(child.spiffe_id)).first().waitFor();
    await expect(view.treeRow(fooAgent()).getAttribute("aria-expanded")).resolves.toBe("true");
    await view.close();
  });

  it("sorts the entry table by a column and hides 'Load more' once everything is loaded", async () => {
    const view = await EntriesPage.open(browser, "foo", { view: "table" });
    await expect.poll(() => view.rows().count()).toBe(entries.length);
    await expect(view.page.getByRole("button", { name: "Load more from SPIRE" }).count()).resolves.toBe(0);
    const header = view.page.getByRole("columnheader", { name: /SPIFFE ID/ });
    await header.getByRole("button").click();
    await expect(header.getAttribute("aria-sort")).resolves.toBe("ascending");
    const ids = async () =>
      view
        .rows()
        .locator("a[title]")
        .evaluateAll((as) => as.map((a) => a.getAttribute("title")!));
    const ascending = await ids();
    expect(ascending).toEqual([...ascending].sort());
    await header.getByRole("button").click();
    await expect(header.getAttribute("aria-sort")).resolves.toBe("descending");
    expect(await ids()).toEqual([...ascending].reverse());
    await view.close();
  });

  it("says how many entries an agent serves before banning it, styles Ban above Evict, and gives focus back", async () => {
    const served = entries.filter((e) => idToString(e.parent_id) === fooAgent()).length;
    const view = await AgentsPage.open(browser, "foo");
    const row = view.row(fooAgent());
    await row.waitFor();
    // Both sit in the row's Actions menu (the fleet list keeps destructive buttons off the rows).
    await view.openRowMenu(fooAgent());
    const ban = row.getByRole("button", { name: "Ban", exact: true });
    const evict = row.getByRole("button", { name: "Evict", exact: true });
    await ban.waitFor();
    await expect(ban.getAttribute("class")).resolves.toContain("bg-red-700");
    await expect(evict.getAttribute("class")).resolves.not.toContain("bg-red-700");
    await ban.click();
    await view
      .dialog()
      .getByTestId("dialog-served-entries")
      .getByText(new RegExp(`^It serves ${served} entr`))
      .waitFor();
    await view.dialog().getByRole("button", { name: "Cancel" }).click();
    await view.dialog().waitFor({ state: "hidden" });
    await expect(ban.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await view.close();
  });

  it("has breadcrumbs on detail pages and a skip link to the content", async () => {
    const [alias] = entries.filter((e) => idToString(e.spiffe_id) === FOO_FLEET_ALIAS);
    const view = await EntryDetailPage.open(browser, "foo", alias!.id);
    await view.fields().waitFor();
    const crumbs = view.page.getByRole("navigation", { name: "Breadcrumb" });
    await crumbs.getByRole("link", { name: "Entries of foo" }).waitFor();
    await view.page.keyboard.press("Tab");
    const skip = view.page.getByRole("link", { name: "Skip to content" });
    await expect(skip.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    await expect(skip.isVisible()).resolves.toBe(true);
    await view.page.keyboard.press("Enter");
    await expect(view.page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
    await view.close();
  });

  it("never ends the pods panel on 'Closest:' with nothing after it", async () => {
    for (const entry of entries.slice(0, 6)) {
      const view = await EntryDetailPage.open(browser, "foo", entry.id);
      const panel = view.podsPanel();
      await panel.waitFor();
      const text = await panel.innerText();
      if (text.includes("Closest:")) await expect(panel.locator("li").count()).resolves.toBeGreaterThan(0);
      else expect(text).toMatch(/match today/);
      await view.close();
    }
  });

  it("gives the parent input room for the underscore of k8s_psat", async () => {
    const agent = stackState()
      .servers.find((s) => s.name === "foo")!
      .agents.find((a) => a.spiffeId.includes("k8s_psat"));
    const form = await EntryFormPage.openNew(browser, "foo", { parentId: agent?.spiffeId ?? fooAgent() });
    const input = form.field("Parent ID");
    await input.waitFor();
    const metrics = await input.evaluate((el) => {
      const style = getComputedStyle(el);
      return { line: parseFloat(style.lineHeight), font: parseFloat(style.fontSize), height: el.clientHeight };
    });
    expect(metrics.line / metrics.font).toBeGreaterThanOrEqual(1.4);
    expect(metrics.height).toBeGreaterThanOrEqual(metrics.line);
    await form.close();
  });
});
