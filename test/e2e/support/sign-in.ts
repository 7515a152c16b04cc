// Signing the browser in the way a user does: the console sends it to the stack's OpenID
// provider, whose real form takes a demo user's name and password. Each browser signs in once
// per user; every page then starts with that session cookie.
import type { Browser, BrowserContextOptions } from "playwright-core";
import { inject } from "vitest";

import { demoUser } from "../../support/auth";

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;
type DemoUser = "admin" | "editor" | "viewer";

const sessions = new WeakMap<Browser, Map<DemoUser, Promise<StorageState>>>();

async function signIn(browser: Browser, username: DemoUser): Promise<StorageState> {
  const consoleUrl = inject("consoleUrl");
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${consoleUrl}/auth/login?returnTo=${encodeURIComponent("/")}`);
    const user = demoUser(username);
    await page.getByLabel("Username").fill(user.username);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.origin === consoleUrl && url.pathname === "/");
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** The cookies of a session of `username` in `browser`, signing in through the provider's form the first time. */
export function signedInState(browser: Browser, username: DemoUser = "admin"): Promise<StorageState> {
  let byUser = sessions.get(browser);
  if (!byUser) sessions.set(browser, (byUser = new Map()));
  let state = byUser.get(username);
  if (!state) byUser.set(username, (state = signIn(browser, username)));
  return state;
}
