// Issue 29, item 6: a deleted entry's URL says who deleted it and when; the entry page's tab is in the URL; an
// address the console does not have is a styled 404 inside the console; "Sign in again" is a plain link that
// goes to the identity provider without a browser error.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { links } from "../../lib/links";
import { consoleFetch, stackState } from "../support/api";
import { ConsolePage } from "./pages/console-page";
import { launchBrowser, openConsole } from "./support/browser";
import { pageErrors, recordPageErrors } from "./support/page-errors";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function createEntry(path: string): Promise<string> {
  const parentId = stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
  const created = await consoleFetch("/api/servers/foo/entries", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      spiffeId: `spiffe://foo.example.com${path}-${Date.now().toString(36)}`,
      parentId,
      selectors: [{ type: "unix", value: "user:team-a-small" }],
    }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

describe("small things", () => {
  it("a deleted entry's page says who deleted it and when", async () => {
    const id = await createEntry("/team-a/deleted-e2e");
    const deleted = await consoleFetch(`/api/servers/foo/entries/${id}`, { method: "DELETE" });
    expect(deleted.status).toBeLessThan(300);
    const view = new ConsolePage(await openConsole(browser, links.entry("foo", id)));
    const note = view.page.getByTestId("entry-deleted");
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^Deleted by .+ \(\d{4}-\d\d-\d\dT[\d:.]+Z\)\.$/);
    await view.close();
  });

  it("opens the entry page's History tab from the URL, and writes the tab there", async () => {
    const id = await createEntry("/team-a/tab-e2e");
    const view = new ConsolePage(await openConsole(browser, `${links.entry("foo", id)}&tab=history`));
    await expect.poll(() => view.page.getByRole("tab", { name: "History" }).getAttribute("aria-selected")).toBe("true");
    await view.page.getByRole("tab", { name: "Details" }).click();
    await expect.poll(() => new URL(view.page.url()).searchParams.get("tab")).toBeNull();
    await view.page.getByRole("tab", { name: "History" }).click();
    await expect.poll(() => new URL(view.page.url()).searchParams.get("tab")).toBe("history");
    await view.close();
    await consoleFetch(`/api/servers/foo/entries/${id}`, { method: "DELETE" });
  });

  it("answers an unknown address with a styled 404 inside the console", async () => {
    const view = new ConsolePage(await openConsole(browser, links.overview()));
    const response = await view.page.goto(`${inject("consoleUrl")}/no-such-page`);
    expect(response?.status()).toBe(404);
    await view.heading("This page does not exist").waitFor();
    await view.page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Agents" }).waitFor();
    await view.close();
  });

  it("'Sign in again' on the signed-out page is a plain link to sign-in, without browser errors", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    recordPageErrors(page);
    await page.goto(`${inject("consoleUrl")}/auth/signed-out`);
    const link = page.getByRole("link", { name: "Sign in again" });
    await expect(link.getAttribute("href")).resolves.toBe("/auth/login");
    await link.click();
    await page.getByLabel("Username").waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
