import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { serverComponent } from "../../scripts/stack/components.ts";
import { getStackPaths } from "../../scripts/stack/paths.ts";
import { runningPid, stopProcess } from "../../scripts/stack/process.ts";
import { stackUp } from "../support/api";
import { FederationPage } from "./pages/federation-page";
import { launchBrowser } from "./support/browser";

// The stack's bundle endpoints say refresh_hint 1m (SPIRE's minimum): foo fetches bar's bundle every minute, and the
// relationship is stale once its last successful fetch is older than three hints.
const STALE_WITHIN_MS = 240_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  stackUp();
});

describe("federation freshness while bar's bundle endpoint is down", () => {
  it("shows foo's relationship to bar as fresh, then 'partner no longer serves us' and stale", async () => {
    const federation = await FederationPage.open(browser, "foo");
    const cell = federation.freshness("bar.example.com");
    await cell.waitFor();
    expect(await cell.getAttribute("data-stale")).toBe("false");
    expect(await cell.textContent()).toMatch(/seq \d+/);

    // bar's bundle endpoint is served by bar's server process: stopping it is what a partner outage looks like.
    const bar = serverComponent(getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: inject("stackDir") }), "bar");
    await stopProcess(bar.spec);
    expect(runningPid(bar.spec)).toBeNull();

    // The page polls every 15 s: the first failed fetch (within a minute) says the partner no longer serves us...
    const notServing = federation.page.locator('[data-testid="freshness"][data-not-serving="true"]');
    await notServing.waitFor({ timeout: 120_000 });
    expect(await notServing.textContent()).toContain("partner no longer serves us");
    expect(await federation.row("bar.example.com").getByTestId("freshness-error").textContent()).toMatch(
      /fetch of the bundle failed with status \w+/,
    );
    // ...and three refresh hints after the last success, the relationship is stale.
    await federation.page.locator('[data-testid="freshness"][data-stale="true"]').waitFor({ timeout: STALE_WITHIN_MS });
    expect(await cell.textContent()).toContain("stale");
    await federation.screenshot("federation-stale");
    await federation.close();
  }, 420_000);
});
