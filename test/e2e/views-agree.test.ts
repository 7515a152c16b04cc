// Issue 29, items 1 and 2, as an SRE does it in Chromium: the cockpit's "who holds" lists the bundle
// ConfigMap; the ClusterSPIFFEID that cannot render its pod shows a red gap with the fix; the troubleshooter names the payments entry that nearly matches and
// offers to edit it before creating another; the Overview and the Clean-up count orphans alike; a
// freshly issued CA is no warning. Each changed page is saved at 1280 and 390 px, light and dark.
// (A whole rotation held up by that ConfigMap is walked through in authority-rotation.test.ts.)
import { mkdirSync } from "node:fs";
import { join } from "node:path";

import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { links } from "@/lib/links";

import { CM_PODS } from "../../scripts/k8s/controller-world.ts";
import { WORKLOADS } from "../../scripts/k8s/topology.ts";
import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { AuthoritiesPage } from "./pages/authorities-page";
import { ConsolePage } from "./pages/console-page";
import { EntryFormPage } from "./pages/entry-form-page";
import { TroubleshootPage } from "./pages/troubleshoot-page";
import { closePage, launchBrowser, openConsole, screenshotDir } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Saves the window around `ready` at desk and phone width in both themes, as
 * test-results/screenshots/issue-29-<name>-<width>-<theme>.png.
 */
async function screenshots(name: string, path: string, ready: (page: Page) => Locator): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  for (const width of [1280, 390]) {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await openConsole(browser, path, "admin", { width, colorScheme });
      const target = ready(page).first();
      await target.waitFor({ timeout: 30_000 });
      // Below the sticky header, with a little of what comes before.
      await target.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 96));
      await page.screenshot({ path: join(screenshotDir, `issue-29-${name}-${width}-${colorScheme}.png`) });
      await closePage(page);
    }
  }
}

const payments = WORKLOADS.find((w) => w.app === "payments-api")!;

describe("rotation that cannot break trust (issue 29, item 1)", () => {
  it("lists the watched spire-bundle ConfigMap among who holds foo's X.509 authorities, with how SPIRE updates it", async () => {
    const view = await AuthoritiesPage.open(browser, "foo");
    const panel = await view.rotationPanel("x509");
    const row = view.configMapRow(panel);
    await expect(row.textContent()).resolves.toMatch(
      /ConfigMap spire\/spire-bundle \(cluster .+\).*k8sbundle notifier/,
    );
    // The stack publishes foo's bundle into it, so it holds the active authority.
    await expect(row.locator("td").nth(1).textContent()).resolves.toBe("yes");
    await view.close();
    await screenshots("rotation-who-holds", links.authorities("foo"), (p) => p.getByTestId("bundle-copies"));
  });
});

describe("views that agree (issue 29, item 2)", () => {
  it("shows shop-batch's render failure as one red gap, with its cause and the command that fixes it", async () => {
    const view = new ConsolePage(await openConsole(browser, links.controllerManager()));
    const row = view.page.locator('[data-testid="cluster-spiffe-id"][data-name="shop-batch"]');
    await expect(row.getByTestId("evaluation-gaps").textContent()).resolves.toBe("1 gap(s)");
    await row.getByRole("link", { name: "shop-batch" }).click();
    await view.page.waitForURL((url) => url.pathname === "/controller-manager/shop-batch");
    const gap = view.page.locator('[data-testid="gaps"] [data-gap="render-failure"]');
    await expect(gap.count()).resolves.toBe(1);
    await expect(view.heading("Gaps (1)").getAttribute("class")).resolves.toMatch(/text-red-800/);
    const batch = CM_PODS.find((p) => p.app === "batch")!.name;
    await expect(gap.getByTestId("render-failure-fix").textContent()).resolves.toMatch(
      new RegExp(`Cause: pod shop/${batch} lacks the label "team".*kubectl label pod -n shop ${batch} team=<value>`),
    );
    await view.close();
    await screenshots("cluster-spiffe-id-gap", links.clusterSpiffeId("shop-batch"), (p) =>
      p.getByTestId("render-failure-fix"),
    );
  });

  it("diagnoses the payments pod: names the existing payments/api entry and offers Edit before Create", async () => {
    const [existing] = (
      await spireServerJson<{ entries: (CliEntry & { id: string })[] }>(
        "foo",
        ["entry", "show", "-spiffeID", "spiffe://foo.example.com/payments/api"],
        stackState(),
      )
    ).entries;
    const view = await TroubleshootPage.openPod(browser, "foo", payments.namespace, payments.name);
    await expect(view.verdict().getAttribute("data-status")).resolves.toBe("none");
    const reason = view.reasons().filter({ hasText: "payments/api" }).first();
    await expect(reason.textContent()).resolves.toMatch(
      new RegExp(`needs k8s:sa:api \\(the workload has k8s:sa:${payments.serviceAccount}\\)`),
    );
    await expect(view.page.getByText("none comes close").count()).resolves.toBe(0);
    // The primary action edits the entry that exists; creating a second identity is the alternative.
    const links_ = reason.getByRole("link");
    await expect(links_.first().getAttribute("data-testid")).resolves.toBe("fix-action");
    await expect(links_.first().textContent()).resolves.toBe("Edit the existing entry: move it to this node's agent");
    await expect(reason.getByTestId("fix-secondary").textContent()).resolves.toBe("Create with the workload's values");
    await links_.first().click();
    await view.page.waitForURL((url) => url.pathname === `/entries/${existing!.id}/edit`);
    const form = new EntryFormPage(view.page);
    await form.heading("Edit entry").waitFor();
    await form.page.getByTestId("proposed-parent").waitFor();
    await form.close();
    await screenshots("troubleshoot-payments", links.troubleshootPod("foo", payments.namespace, payments.name), (p) =>
      p.getByTestId("fix-action"),
    );
  });

  it("counts orphans on the Overview as the Clean-up lists them, kind by kind", async () => {
    const overview = new ConsolePage(await openConsole(browser, links.overview()));
    await overview.page.getByTestId("problem").first().waitFor();
    // The Clean-up is per server: compare foo's problems (each names its server after the source).
    const titles = (await overview.page.getByTestId("problem").allTextContents()).filter((t) => t.includes("· foo"));
    await overview.close();
    const count = (texts: string[], pattern: RegExp) =>
      texts.map((t) => pattern.exec(t)).reduce((sum, m) => sum + (m ? Number(m[1]) : 0), 0);
    const shown = {
      orphans: count(titles, /(\d+) orphan entr(?:y|ies)/),
      gone: count(titles, /(\d+) entr(?:y|ies) whose parent agent is gone/),
    };
    expect(shown.orphans + shown.gone).toBeGreaterThan(0);

    const cleanup = new ConsolePage(await openConsole(browser, links.cleanup("foo")));
    const summary = (await cleanup.page.getByTestId("cleanup-summary").textContent()) ?? "";
    await cleanup.close();
    expect({
      orphans: count([summary], /(\d+) orphan entry/),
      gone: count([summary], /(\d+) parent agent gone/),
    }).toEqual(shown);
    await screenshots("overview-problems", links.overview(), (p) => p.getByTestId("problem"));
  });

  it("does not warn about a freshly issued CA or JWT key: SPIRE prepares their successors at half their lifetime", async () => {
    const view = new ConsolePage(await openConsole(browser, links.expiry("foo")));
    const item = (label: string) => view.page.locator('[data-testid="expiry-item"]').filter({ hasText: label });
    await item("foo X.509 CA (active)").waitFor();
    await expect(item("foo X.509 CA (active)").getAttribute("data-urgency")).resolves.toBe("ok");
    await expect(item("foo JWT key (active)").getAttribute("data-urgency")).resolves.toBe("ok");
    await expect(item("foo X.509 CA (active)").getByTestId("expiry-advice").textContent()).resolves.toMatch(
      /at half this one's lifetime \(\d{4}-\d\d-\d\dT.*\)\. Nothing to do\./,
    );
    await view.close();
    // One severity for one CA: bar's own page and foo's view of bar's CA (in its federated bundle) agree.
    const all = new ConsolePage(await openConsole(browser, links.expiry()));
    const everywhere = (label: string) => all.page.locator('[data-testid="expiry-item"]').filter({ hasText: label });
    await everywhere("bar X.509 CA (active)").waitFor();
    const own = await everywhere("bar X.509 CA (active)").getAttribute("data-urgency");
    const seenByFoo = await everywhere("bar.example.com CA").first().getAttribute("data-urgency");
    expect([own, seenByFoo]).toEqual(["ok", "ok"]);
    await all.close();
    await screenshots("expiry", links.expiry("foo"), (p) => p.getByTestId("expiry-item"));
  });
});
