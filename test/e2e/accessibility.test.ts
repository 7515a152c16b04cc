// The states of pages that phone-and-dark.test.ts (every page at both widths, in both themes, through axe-core)
// does not reach: confirmation dialogs and open diffs must pass axe-core's WCAG 2.1 A/AA rules with no serious
// or critical violation, and log no browser console error or page error.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { FOO_FLEET_ALIAS } from "../../scripts/stack/seed-foo.ts";
import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";
import { ApiTokensPage } from "./pages/api-tokens-page";
import { AuditPage } from "./pages/audit-page";
import type { ConsolePage } from "./pages/console-page";
import { EntryDetailPage } from "./pages/entry-detail-page";
import { OverviewPage } from "./pages/overview-page";
import { findAxeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
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

/** Runs axe on the page as it is now, and checks that nothing went wrong in the browser. */
async function expectAccessible(view: ConsolePage): Promise<void> {
  expect(await findAxeViolations(view.page)).toEqual([]);
  expect(pageErrors(view.page)).toEqual([]);
  await view.close();
}

describe("dialogs and open diffs pass axe-core (WCAG 2.1 AA) with no browser error", () => {
  it("Entry detail, and its delete confirmation", async () => {
    const view = await EntryDetailPage.open(browser, "foo", fleetAliasId);
    await view.parentChain().waitFor();
    await view.podsPanel().waitFor();
    expect(await findAxeViolations(view.page)).toEqual([]);
    await view.button("Delete").click();
    await view.page.getByRole("alertdialog").getByTestId("blast-agents").waitFor();
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
