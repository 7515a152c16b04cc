// Signing in as a user does: each demo user through the OpenID provider's real form, what each may
// see and do, signing out (also at the provider), and a session that ends mid-work.
import { createHash } from "node:crypto";

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { links } from "../../lib/links";
import { stackState } from "../support/api";
import { demoUser, openConsoleDb } from "../support/auth";
import { launchBrowser, saveScreenshot } from "./support/browser";
import { waitForHydrated } from "./support/hydrated";

type DemoUser = "admin" | "editor" | "viewer";
let browser: Browser;
const url = (path: string) => `${inject("consoleUrl")}${path}`;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh browser context that opens `path`, lands on the provider's form and signs in as `user`. */
async function signInAt(path: string, user: DemoUser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url(path));
  const { username, password } = demoUser(user);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.origin === inject("consoleUrl") && `${u.pathname}${u.search}` === path);
  await waitForHydrated(page.locator("body"));
  return { context, page };
}

/** Ends this context's console session in the store, as its absolute lifetime would. */
async function expireSession(context: BrowserContext): Promise<void> {
  const cookie = (await context.cookies(inject("consoleUrl"))).find((c) => c.name === "spire-console-session");
  expect(cookie).toBeDefined();
  const db = openConsoleDb();
  const hash = createHash("sha256").update(cookie!.value).digest("hex");
  const changed = db.prepare("UPDATE sessions SET expires_at = ? WHERE id_hash = ?").run(Date.now() - 1, hash);
  db.close();
  expect(changed.changes).toBe(1);
}

describe("signing in through the provider's form", () => {
  it.each<[DemoUser, string, boolean]>([
    ["admin", "Ada Admin", true],
    ["editor", "Eddie Editor", true],
    ["viewer", "Vera Viewer", false],
  ])("%s signs in, is named in the header and may create entries on foo: %s", async (user, name, mayCreate) => {
    const { context, page } = await signInAt("/entries?server=foo", user);
    await expect(page.getByTestId("signed-in-user").textContent()).resolves.toBe(name);
    const newEntry = page.getByRole("link", { name: "New entry" });
    if (mayCreate) {
      await newEntry.waitFor();
    } else {
      await page.getByRole("button", { name: "New entry" }).waitFor();
      await expect(page.getByRole("button", { name: "New entry" }).getAttribute("aria-disabled")).resolves.toBe("true");
      await expect(
        page.getByText(/Not allowed: the viewer role may not create, change or delete entries/).count(),
      ).resolves.toBe(1);
      await expect(newEntry.count()).resolves.toBe(0);
    }
    await saveScreenshot(page, `sign-in-${user}-entries`);
    await context.close();
  });

  it("shows an editor edit controls only on team A's entries", async () => {
    const { context, page } = await signInAt("/entries?server=foo", "editor");
    const idOf = async (spiffeId: string) => {
      const response = await page.request.get(url(`/api/servers/foo/entries?spiffeId=${encodeURIComponent(spiffeId)}`));
      return ((await response.json()) as { entries: { id: string }[] }).entries[0]!.id;
    };
    await page.goto(url(`/entries/${await idOf("spiffe://foo.example.com/team-a/api")}?server=foo`));
    await page.getByRole("link", { name: "Edit" }).waitFor();
    await page.getByRole("button", { name: "Delete" }).waitFor();
    await page.goto(url(`/entries/${await idOf("spiffe://foo.example.com/payments/api")}?server=foo`));
    await page.getByText(/Not allowed: .*outside your SPIFFE-ID scope/).waitFor();
    await expect(page.getByRole("link", { name: "Edit" }).count()).resolves.toBe(0);
    await saveScreenshot(page, "sign-in-editor-out-of-scope");
    const forbidden = await page.goto(url("/entries?server=bar"));
    expect(forbidden?.status()).toBe(403);
    await page.getByRole("heading", { name: "You may not open this page" }).waitFor();
    await context.close();
  });

  it("answers a viewer's direct visit to a page that changes things with a 403 page", async () => {
    const { context, page } = await signInAt("/", "viewer");
    const response = await page.goto(url("/entries/new?server=foo"));
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { name: "You may not open this page" }).waitFor();
    await page.getByText(/Vera Viewer has these roles: viewer/).waitFor();
    await context.close();
  });
});

describe("signing out and sessions that end", () => {
  it("signs out of the console and of the provider", async () => {
    const { context, page } = await signInAt("/", "viewer");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.origin === new URL(stackState().idp.issuer).origin);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(url("/auth/signed-out"));
    await page.getByRole("heading", { name: "You are signed out" }).waitFor();
    const again = await page.request.get(url("/api/me"));
    expect(again.status()).toBe(401);
    await page.goto(url("/agents"));
    await page.getByLabel("Username").waitFor();
    await context.close();
  });

  it("asks to sign in again when the session ends mid-work, and keeps the unsaved form", async () => {
    const agent = stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
    const form = links.newEntry("foo", { parentId: agent, selectors: [{ type: "unix", value: "uid:4321" }] });
    const { context, page } = await signInAt(form, "admin");
    const path = `/session-end-${Date.now().toString(36)}`;
    // Typed into a server-rendered input before React owns it, the value would not reach the form's draft.
    await waitForHydrated(page.getByLabel("SPIFFE ID", { exact: true }));
    await page.getByLabel("SPIFFE ID", { exact: true }).fill(path);
    await expireSession(context);
    const dialog = page.getByRole("alertdialog", { name: "Your session has ended" });
    // The submit gets the 401 and opens the dialog, unless a background refresh (the servers list,
    // every 10 s) got there first: then the dialog is already over the button, as a person would see it.
    await page
      .getByRole("button", { name: "Create entry" })
      .click({ timeout: 5_000 })
      .catch(async (error: unknown) => {
        if (!(await dialog.isVisible())) throw error;
      });
    await dialog.waitFor();
    await saveScreenshot(page, "session-ended");
    await dialog.getByRole("link", { name: "Sign in again" }).click();
    await page.waitForURL(url(form));
    await page.getByText(/Your unsaved changes from before you signed in again are back/).waitFor();
    await expect(page.getByLabel("SPIFFE ID", { exact: true }).inputValue()).resolves.toBe(path);
    await expect(page.getByTestId("signed-in-user").textContent()).resolves.toBe("Ada Admin");
    await context.close();
  });
});
