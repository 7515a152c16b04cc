// Issue 16, item 10 and the acceptance's page checks: every page at 1440 px and at 390 px, in the
// light and the dark theme, logs no browser error, never scrolls sideways, passes axe-core
// (WCAG 2.1 AA, serious and critical; in the dark theme, where only colours change, its colour
// rules) and is saved as a screenshot (each page is loaded once per width and switched from the
// light to the dark system theme). Below 1024 px the navigation is a drawer; the theme follows the
// system until the user picks one, which the server renders.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { links } from "../../lib/links";
import { TROUBLESHOOT_NAMESPACE, TROUBLESHOOT_PODS } from "../../scripts/k8s/seed-troubleshoot.ts";
import { FOO_FLEET_ALIAS } from "../../scripts/stack/seed-foo.ts";
import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { ConsolePage } from "./pages/console-page";
import { COLOUR_RULES, findAxeViolations } from "./support/axe";
import { launchBrowser, openConsole } from "./support/browser";
import { pageErrors } from "./support/page-errors";

let browser: Browser;
let aliasId: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const shown = await spireServerJson<{ entries: CliEntry[] }>(
    "foo",
    ["entry", "show", "-spiffeID", FOO_FLEET_ALIAS],
    stackState(),
  );
  aliasId = shown.entries[0]!.id;
});
afterAll(async () => {
  await browser?.close();
});

const fooAgent = () => stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
const worksPod = () => TROUBLESHOOT_PODS.find((p) => p.case === "works")!.name;

/** Every page, and what shows it has loaded its data. */
const pages: { name: string; path: () => string; ready: (page: Page) => Locator }[] = [
  { name: "overview", path: () => links.overview(), ready: (p) => p.getByTestId("problem").first() },
  { name: "entries-tree", path: () => links.entries("foo"), ready: (p) => p.getByTestId("tree-row").nth(1) },
  {
    name: "entries-table",
    path: () => links.entries("foo", { view: "table" }),
    ready: (p) => p.getByTestId("entry-row").first(),
  },
  { name: "entry", path: () => links.entry("foo", aliasId), ready: (p) => p.getByTestId("entry-pods-panel") },
  { name: "entry-edit", path: () => links.editEntry("foo", aliasId), ready: (p) => p.getByLabel("Parent ID") },
  { name: "entry-new", path: () => links.newEntry("foo"), ready: (p) => p.getByLabel("Parent ID") },
  { name: "entry-import", path: () => links.importEntries("foo"), ready: (p) => p.getByTestId("bulk-row").first() },
  { name: "agents", path: () => links.agents("foo"), ready: (p) => p.getByTestId("agent-row").first() },
  { name: "agent", path: () => links.agent("foo", fooAgent()), ready: (p) => p.getByTestId("agent-entries").first() },
  { name: "federation", path: () => links.federation("foo"), ready: (p) => p.getByTestId("federation-row").first() },
  { name: "telemetry", path: () => links.telemetry("foo"), ready: (p) => p.getByTestId("telemetry-panel").first() },
  { name: "expiry", path: () => links.expiry(), ready: (p) => p.getByTestId("expiry-item").first() },
  {
    name: "authorities",
    path: () => links.authorities("foo"),
    ready: (p) => p.getByTestId("authority-active").first(),
  },
  { name: "kubernetes", path: () => links.kubernetes(), ready: (p) => p.getByTestId("k8s-node-row").first() },
  {
    name: "kubernetes-no-identity",
    path: () => links.noIdentity(),
    ready: (p) => p.getByTestId("no-identity-row").first(),
  },
  { name: "cleanup", path: () => links.cleanup("foo"), ready: (p) => p.getByTestId("findings-table") },
  {
    name: "controller-manager",
    path: () => links.clusterSpiffeId("shop-mesh"),
    ready: (p) => p.getByTestId("selected-pod").first(),
  },
  {
    name: "troubleshoot",
    path: () => links.troubleshootPod("foo", TROUBLESHOOT_NAMESPACE, worksPod()),
    ready: (p) => p.getByTestId("verdict"),
  },
  { name: "alerts", path: () => links.alerts(), ready: (p) => p.getByRole("heading", { name: "Rules", exact: true }) },
  { name: "audit", path: () => links.audit(), ready: (p) => p.getByRole("heading", { name: "Audit log" }) },
  { name: "api-tokens", path: () => links.apiTokens(), ready: (p) => p.getByRole("form", { name: "New token" }) },
  { name: "your-access", path: () => links.access(), ready: (p) => p.getByTestId("access-binding").first() },
  {
    name: "unknown-server",
    path: () => "/entries?server=nosuch",
    ready: (p) => p.getByRole("heading", { name: "Unknown SPIRE server" }),
  },
  {
    name: "signed-out",
    path: () => "/auth/signed-out",
    ready: (p) => p.getByRole("heading", { name: "You are signed out" }),
  },
];

const widths = [1440, 390] as const;
const themes = ["light", "dark"] as const;

describe.each(widths)("every page at %i px", (width) => {
  // A few pages at once (the e2e project's maxConcurrency): each in its own browser context, loaded
  // once and checked in the light theme, then with the system switched to dark (the palette is CSS
  // `light-dark()`, so the page follows without a reload).
  it.concurrent.for(pages.map((p) => [p.name, p] as const))(
    "%s, light then dark: no error, no sideways scroll, axe clean",
    async ([name, p], { expect }) => {
      const view = new ConsolePage(await openConsole(browser, p.path(), "admin", { width, colorScheme: "light" }));
      await p.ready(view.page).waitFor({ timeout: 60_000 });
      for (const theme of themes) {
        await view.page.emulateMedia({ colorScheme: theme });
        await view.page.waitForTimeout(300); // late layout (fonts, virtualised rows, chart colours)
        // Colours with `transition-colors` fade to the new theme: axe must see where they end.
        await view.page.evaluate(() =>
          Promise.all(
            document
              .getAnimations()
              .filter((a) => a instanceof CSSTransition)
              .map((a) => a.finished.catch(() => undefined)),
          ),
        );
        const isDark = await view.page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
        expect(isDark).toBe(theme === "dark");
        const scroll = await view.page.evaluate(() => document.documentElement.scrollWidth);
        expect(scroll, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
        // Light: every WCAG 2.1 AA rule; dark: the same page with other colours, so the colour rules.
        const rules = theme === "light" ? undefined : COLOUR_RULES;
        expect(await findAxeViolations(view.page, rules), `${name} in the ${theme} theme`).toEqual([]);
        expect(pageErrors(view.page)).toEqual([]);
        await view.screenshot(`page-${name}-${width}-${theme}`);
      }
      await view.close();
    },
  );
});

describe("phone and dark", () => {
  it("collapses the navigation below 1024 px into a drawer the menu button opens and closes", async () => {
    const view = new ConsolePage(await openConsole(browser, links.entries("foo"), "admin", { width: 390 }));
    const nav = view.page.getByRole("navigation", { name: "Sections" });
    const menu = view.page.getByRole("button", { name: "Menu" });
    await menu.waitFor();
    await expect(nav.isVisible()).resolves.toBe(false);
    await menu.click();
    await expect(menu.getAttribute("aria-expanded")).resolves.toBe("true");
    await nav.getByRole("link", { name: "Agents" }).waitFor();
    await view.screenshot("nav-drawer-390");
    await view.page.keyboard.press("Escape");
    await expect(nav.isVisible()).resolves.toBe(false);
    await expect(menu.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await menu.click();
    await nav.getByRole("link", { name: "Agents" }).click();
    await view.page.waitForURL((url) => url.pathname === "/agents");
    await expect(nav.isVisible()).resolves.toBe(false);
    await view.close();

    const wide = new ConsolePage(await openConsole(browser, links.entries("foo"), "admin", { width: 1440 }));
    await wide.page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Agents" }).waitFor();
    await expect(wide.page.getByRole("button", { name: "Menu" }).isVisible()).resolves.toBe(false);
    await wide.close();
  });

  it("follows the system theme, and a chosen theme is rendered by the server on the next page", async () => {
    const view = new ConsolePage(await openConsole(browser, links.overview(), "admin", { colorScheme: "light" }));
    const toggle = view.page.getByTestId("theme-toggle");
    await toggle.waitFor();
    await expect(toggle.getAttribute("data-theme")).resolves.toBe("system");
    const background = () => view.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await toggle.click(); // system -> light
    await toggle.click(); // light -> dark
    await expect(toggle.getAttribute("data-theme")).resolves.toBe("dark");
    await expect(view.page.evaluate(() => document.documentElement.className)).resolves.toContain("dark");
    expect(await background()).not.toBe(light);
    // The server renders the choice into the HTML (no script, no flash of the other theme).
    const html = await (await view.page.request.get(`${inject("consoleUrl")}/agents?server=foo`)).text();
    expect(html).toMatch(/<html[^>]*class="dark"/);
    await view.page.reload();
    await expect(view.page.getByTestId("theme-toggle").getAttribute("data-theme")).resolves.toBe("dark");
    await view.close();
  });
});
