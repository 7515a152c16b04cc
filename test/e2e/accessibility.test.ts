// Every page of the console, visited once: it must pass axe-core's WCAG 2.1 A/AA rules with no
// serious or critical violation, and log no browser console error or page error.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { TROUBLESHOOT_NAMESPACE, TROUBLESHOOT_PODS } from "../../scripts/k8s/seed-troubleshoot.ts";
import { FOO_FLEET_ALIAS } from "../../scripts/stack/seed-foo.ts";
import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";
import { AgentDetailPage } from "./pages/agent-detail-page";
import { AgentsPage } from "./pages/agents-page";
import { ApiTokensPage } from "./pages/api-tokens-page";
import { AuditPage } from "./pages/audit-page";
import { ConsolePage } from "./pages/console-page";
import { EntriesPage } from "./pages/entries-page";
import { EntryDetailPage } from "./pages/entry-detail-page";
import { EntryFormPage } from "./pages/entry-form-page";
import { ExpiryPage } from "./pages/expiry-page";
import { FederationPage } from "./pages/federation-page";
import { ImportPage } from "./pages/import-page";
import { KubernetesPage } from "./pages/kubernetes-page";
import { OverviewPage } from "./pages/overview-page";
import { TroubleshootPage } from "./pages/troubleshoot-page";
import { findAxeViolations } from "./support/axe";
import { launchBrowser, openConsole } from "./support/browser";
import { pageErrors } from "./support/page-errors";

let browser: Browser;
let fleetAliasId: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const shown = await spireServerJson<{ entries: CliEntry[] | null }>(
    "foo",
    ["entry", "show", "-spiffeID", FOO_FLEET_ALIAS],
    stackState(),
  );
  expect(shown.entries).toHaveLength(1);
  fleetAliasId = shown.entries![0]!.id;
});
afterAll(async () => {
  await browser?.close();
});

const fooAgent = () => stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
const worksPod = TROUBLESHOOT_PODS.find((p) => p.case === "works")!.name;

/** Runs axe on the page as it is now, and checks that nothing went wrong in the browser. */
async function expectAccessible(view: ConsolePage): Promise<void> {
  expect(await findAxeViolations(view.page)).toEqual([]);
  expect(pageErrors(view.page)).toEqual([]);
  await view.close();
}

describe("every page passes axe-core (WCAG 2.1 AA) with no browser error", () => {
  it("Overview", async () => {
    const view = await OverviewPage.open(browser);
    await view.waitReachable("foo");
    await view.problems().first().waitFor({ timeout: 60_000 });
    await expectAccessible(view);
  });

  it("Entries, tree", async () => {
    const view = await EntriesPage.open(browser, "foo");
    await view.treeRow(fooAgent()).waitFor();
    await expectAccessible(view);
  });

  it("Entries, table", async () => {
    const view = await EntriesPage.open(browser, "foo", { view: "table" });
    await view.rows().first().waitFor();
    await expectAccessible(view);
  });

  it("Entry detail, and its delete confirmation", async () => {
    const view = await EntryDetailPage.open(browser, "foo", fleetAliasId);
    await view.parentChain().waitFor();
    await view.podsPanel().waitFor();
    expect(await findAxeViolations(view.page)).toEqual([]);
    await view.button("Delete").click();
    await view.page.getByRole("alertdialog").getByTestId("blast-agents").waitFor();
    await expectAccessible(view);
  });

  it("New entry", async () => {
    const view = await EntryFormPage.openNew(browser, "foo", { parentId: fooAgent() });
    await view.federatesWith("bar.example.com").waitFor();
    await expectAccessible(view);
  });

  it("Edit entry", async () => {
    const view = await EntryFormPage.openEdit(browser, "foo", fleetAliasId);
    await view.federatesWith("bar.example.com").waitFor();
    await expectAccessible(view);
  });

  it("Import, export and bulk delete", async () => {
    const view = await ImportPage.open(browser, "foo");
    await view.bulkRows().first().waitFor();
    await expectAccessible(view);
  });

  it("Agents", async () => {
    const view = await AgentsPage.open(browser, "foo");
    await view.row(fooAgent()).waitFor();
    await expectAccessible(view);
  });

  it("Agent detail", async () => {
    const view = await AgentDetailPage.open(browser, "foo", fooAgent());
    await view.entryLists().first().waitFor();
    await expectAccessible(view);
  });

  it("Federation", async () => {
    const view = await FederationPage.open(browser, "foo");
    await view.row("bar.example.com").waitFor();
    await expectAccessible(view);
  });

  it("Expiry", async () => {
    const view = await ExpiryPage.open(browser);
    await view.items().first().waitFor();
    await expectAccessible(view);
  });

  it("Kubernetes", async () => {
    const view = await KubernetesPage.open(browser);
    await view.nodeRows().first().waitFor();
    await expectAccessible(view);
  });

  it("Troubleshoot, with a pod selected", async () => {
    const view = await TroubleshootPage.openPod(browser, "foo", TROUBLESHOOT_NAMESPACE, worksPod);
    await view.verdict().waitFor();
    await expectAccessible(view);
  });

  it("API tokens (admins), and its revoke confirmation", async () => {
    const name = `a11y-${Date.now().toString(36)}`;
    const created = await consoleFetch("/api/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, bindings: [{ role: "viewer" }], expiresInDays: 1 }),
    });
    expect(created.status).toBe(201);
    const view = await ApiTokensPage.open(browser);
    await view.row(name).waitFor();
    expect(await findAxeViolations(view.page)).toEqual([]);
    await view
      .row(name)
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    await view.dialog().getByLabel(`Type ${name} to confirm`).waitFor();
    await expectAccessible(view);
  });

  it("Audit log (admins), with a change's diff open, and an entry's History", async () => {
    const view = await AuditPage.open(browser, { action: "entry" });
    await expect(view.rows().count()).resolves.toBeGreaterThan(0);
    await view.diffOf(view.rows().first());
    await expectAccessible(view);
    const detail = await EntryDetailPage.open(browser, "foo", fleetAliasId);
    await detail.history();
    await detail.page.getByText(/SPIRE: created/).waitFor();
    await expectAccessible(detail);
  });

  it("Signed out", async () => {
    const view = new ConsolePage(await openConsole(browser, "/auth/signed-out"));
    await view.heading("You are signed out").waitFor();
    await expectAccessible(view);
  });

  it("serves the console's icon, declared in the page head", async () => {
    const response = await fetch(`${inject("consoleUrl")}/favicon.ico`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICONDIR: reserved 0, type 1 (icon)
    const svg = await fetch(`${inject("consoleUrl")}/icon.svg`);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    const view = await OverviewPage.open(browser);
    await expect(view.page.locator('head link[rel="icon"][href^="/favicon.ico"]').count()).resolves.toBe(1);
    await view.close();
  });
});
