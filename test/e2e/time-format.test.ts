// Issue 16, item 8: one time format (relative, with the absolute UTC time on hover) and no
// hydration error (React #418) on the entry detail and edit pages.
import type { Page } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { EntryDetailPage } from "./pages/entry-detail-page";
import { EntryFormPage } from "./pages/entry-form-page";
import { launchBrowser } from "./support/browser";
import { pageErrors } from "./support/page-errors";

let browser: Browser;
let expiring: CliEntry;
beforeAll(async () => {
  browser = await launchBrowser();
  const shown = await spireServerJson<{ entries: CliEntry[] }>(
    "foo",
    ["entry", "show", "-spiffeID", "spiffe://foo.example.com/billing/db-migrator"],
    stackState(),
  );
  expiring = shown.entries[0]!;
});
afterAll(async () => {
  await browser?.close();
});

/** Every time on the page is a <time> with relative text and the UTC time as its title; no other format shows. */
async function expectOneTimeFormat(page: Page): Promise<void> {
  const times = await page
    .locator("main time")
    .evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? "", title: el.getAttribute("title") ?? "" })));
  expect(times.length).toBeGreaterThan(0);
  for (const t of times) {
    expect(t.text).toMatch(/^(in \d+ \w+|\d+ \w+ ago|now|tomorrow|yesterday)$/);
    expect(t.title).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  }
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/); // no raw ISO times
  expect(text).not.toMatch(/\b\d{1,2}:\d\d:\d\d\s?(AM|PM)\b/); // no locale clock times
}

describe("one time format, no hydration error", () => {
  it("renders the entry detail page with relative times and UTC on hover, and no browser error", async () => {
    const view = await EntryDetailPage.open(browser, "foo", expiring.id);
    await view.fields().waitFor();
    await view.podsPanel().waitFor();
    await view.page.waitForTimeout(1_500); // hydration and the first refetch have run
    await expectOneTimeFormat(view.page);
    expect(pageErrors(view.page)).toEqual([]);
    await view.close();
  });

  it("renders the edit page of the same entry with no browser error", async () => {
    const view = await EntryFormPage.openEdit(browser, "foo", expiring.id);
    await view.heading("Edit entry").waitFor();
    await view.page.waitForTimeout(1_500);
    expect(pageErrors(view.page)).toEqual([]);
    await view.close();
  });
});
