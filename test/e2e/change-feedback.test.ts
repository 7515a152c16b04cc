// Feedback after every change. A toast says what happened (with a link to the
// object, in the form's words), the user goes back to where they started, and the Federation page
// shows when a bundle was last refreshed from the console.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type CliEntry, spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { AgentDetailPage } from "./pages/agent-detail-page";
import { EntryDetailPage } from "./pages/entry-detail-page";
import { EntryFormPage } from "./pages/entry-form-page";
import { FederationPage } from "./pages/federation-page";
import { launchBrowser } from "./support/browser";

const run = Date.now().toString(36);
const path = `/e2e-feedback/${run}`;
const spiffeId = `spiffe://foo.example.com${path}`;
const created = async () =>
  (await spireServerJson<{ entries: CliEntry[] | null }>("foo", ["entry", "show", "-spiffeID", spiffeId], stackState()))
    .entries ?? [];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const entry of await created())
    await spireServer("foo", ["entry", "delete", "-entryID", entry.id], stackState());
  await browser?.close();
});

describe("feedback after every change", () => {
  it("creates an entry from an agent's page, says so, and goes back to that agent", async () => {
    const agent = stackState().servers.find((s) => s.name === "foo")!.agents[1]!.spiffeId;
    const view = await AgentDetailPage.open(browser, "foo", agent);
    await view.entryLists().first().waitFor();
    await view.page.getByRole("link", { name: "New entry" }).click();
    const form = new EntryFormPage(view.page);
    await form.heading("New entry on foo").waitFor();
    await expect(form.field("Parent ID").inputValue()).resolves.toBe(agent);
    await form.field("SPIFFE ID").fill(path);
    await form.field("Selector 1").fill("unix:uid:7311");
    await form.button("Create entry").click();

    const toast = form.toasts().filter({ hasText: "Entry created on foo" });
    await toast.getByText(spiffeId).waitFor();
    await form.page.waitForURL((url) => url.pathname === `/agents/${encodeURIComponent(agent)}`);
    await view.entryLists().first().getByRole("link", { name: spiffeId }).waitFor();
    await form.screenshot("feedback-created");
    await toast.getByRole("link", { name: "Open the entry" }).click();
    const [entry] = await created();
    await form.page.waitForURL((url) => url.pathname === `/entries/${entry!.id}`);
    await form.close();
  });

  it("says which fields were saved, in the form's words, and goes back to the entry; then a delete", async () => {
    const [entry] = await created();
    expect(entry).toBeDefined();
    const form = await EntryFormPage.openEdit(browser, "foo", entry!.id);
    await form.field("Hint").fill("feedback");
    await form.field("JWT-SVID TTL").fill("5");
    await form.field("JWT-SVID TTL unit").selectOption("m");
    await form.button("Save changes").click();
    await form.toasts().getByText("Saved JWT-SVID TTL and Hint").waitFor();
    await form.page.waitForURL((url) => url.pathname === `/entries/${entry!.id}`);
    const detail = new EntryDetailPage(form.page);
    await detail.fields().getByText("feedback", { exact: true }).waitFor();

    await detail.button("Delete").click();
    await detail.page.getByRole("alertdialog").getByRole("button", { name: "Delete entry" }).click();
    await detail.toasts().getByText("Entry deleted from foo").waitFor();
    await detail.page.waitForURL((url) => url.pathname === "/entries");
    await expect(created()).resolves.toEqual([]);
    await detail.close();
  });

  it("says a federation refresh happened, with the bundle's sequence, and shows when it was", async () => {
    const view = await FederationPage.open(browser, "foo");
    const row = view.row("bar.example.com");
    await row.waitFor();
    await row.getByRole("button", { name: /Refresh now/ }).click();
    const toast = view.toasts().filter({ hasText: "Refreshed bar.example.com's bundle on foo" });
    await toast.getByText(/^Sequence /).waitFor();
    const last = row.getByTestId("last-refresh");
    await last.waitFor();
    await expect(last.getAttribute("data-ok")).resolves.toBe("true");
    await expect(last.locator("time").getAttribute("title")).resolves.toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    await view.screenshot("feedback-federation-refresh");
    await view.close();
  });
});
