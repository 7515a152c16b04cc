// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, one browser per file.
import { mkdirSync } from "node:fs";
import path from "node:path";

import { type Browser, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

import { repoRoot } from "../../support/console-server";
import { recordPageErrors } from "./page-errors";
import { signedInState } from "./sign-in";

export const screenshotDir = path.join(repoRoot, "test-results", "screenshots");

const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** Launches Debian's Chromium (never a downloaded browser). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumFlags });
}

/** The window a page opens in: its width (1440 by default; 390 is a phone) and the system colour scheme. */
export type ViewOptions = { width?: number; colorScheme?: "light" | "dark" };

/**
 * Opens a console path (e.g. "/entries?server=foo") in a fresh browser context signed in as a
 * demo user, the admin by default (see sign-in.ts); the page records its errors (see pageErrors). Close it with
 * `closePage`, which closes its context.
 */
export async function openConsole(
  browser: Browser,
  pathAndQuery: string,
  user: "admin" | "editor" | "viewer" = "admin",
  view: ViewOptions = {},
): Promise<Page> {
  const storageState = await signedInState(browser, user);
  const context = await browser.newContext({
    viewport: { width: view.width ?? 1440, height: 900 },
    colorScheme: view.colorScheme ?? "light",
    storageState,
  });
  const page = await context.newPage();
  recordPageErrors(page);
  await page.goto(`${inject("consoleUrl")}${pathAndQuery}`);
  return page;
}

/** Closes a page opened with openConsole, with its browser context. */
export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
