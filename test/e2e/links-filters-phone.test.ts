// Issue 29, items 4 and 5, as an operator does them: an Overview problem link opens the Kubernetes page at the
// problem, highlighted, also when the link is opened signed out and goes through sign-in first; the entry tree
// filtered by `team-a/api` opens the way to the match and says how many match; on a phone the Agents page is
// cards whose texts do not overlap and nothing scrolls sideways; an agent links to its node's row.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { KubernetesSpireReport } from "@/lib/kubernetes/build-report";
import { findFixCommands } from "@/lib/kubernetes/fix-commands";
import { kubernetesProblemAnchor } from "@/lib/overview/cluster-problems";

import { links } from "../../lib/links";
import { apiGet } from "../support/api";
import { demoUser } from "../support/auth";
import { ConsolePage } from "./pages/console-page";
import { EntriesPage } from "./pages/entries-page";
import { OverviewPage } from "./pages/overview-page";
import { launchBrowser, openConsole, saveScreenshot } from "./support/browser";
import { pageErrors } from "./support/page-errors";

let browser: Browser;
let report: KubernetesSpireReport;
beforeAll(async () => {
  browser = await launchBrowser();
  const answer = await apiGet<KubernetesSpireReport>("/api/kubernetes/spire");
  expect(answer.status).toBe(200);
  report = answer.body;
  expect(report.problems.length).toBeGreaterThan(0);
});
afterAll(async () => {
  await browser?.close();
});

/** The element is highlighted as the followed anchor's target and its top is in the window. */
async function expectLanded(target: Locator): Promise<void> {
  await expect.poll(() => target.getAttribute("data-hash-target"), { timeout: 20_000 }).toBe("true");
  await expect
    .poll(
      () =>
        target.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.top < window.innerHeight && getComputedStyle(el).outlineStyle !== "none";
        }),
      { timeout: 10_000 },
    )
    .toBe(true);
}

const problemItem = (page: Page, id: string) => page.locator(`[data-testid="k8s-problem"][data-problem-id="${id}"]`);

describe("links that land", () => {
  it("an Overview problem link scrolls to its problem on the Kubernetes page and highlights it", async () => {
    const last = report.problems.at(-1)!;
    const view = await OverviewPage.open(browser);
    await view.problems("kubernetes").getByRole("link", { name: last.title, exact: true }).first().click();
    await view.page.waitForURL((url) => url.pathname === "/kubernetes" && url.hash.startsWith("#problem-"));
    await expectLanded(problemItem(view.page, last.id));
    await view.screenshot("issue-29-kubernetes-anchor-1440");
    await view.close();
  });

  it("keeps the #anchor through sign-in: a signed-out link lands on the problem after the provider's form", async () => {
    const last = report.problems.at(-1)!;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const anchor = kubernetesProblemAnchor(last.id);
    await page.goto(`${inject("consoleUrl")}/kubernetes#${anchor}`);
    const user = demoUser("admin");
    await page.getByLabel("Username").fill(user.username);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/kubernetes" && url.hash === `#${anchor}`);
    await expectLanded(problemItem(page, last.id));
    await context.close();
  });

  it("shows kubectl and spire-server fixes as copyable commands", async () => {
    const withCommand = report.problems.find((p) => findFixCommands(p.fix).length > 0);
    expect(withCommand, "the seeded world has a fix with a command").toBeDefined();
    const view = new ConsolePage(await openConsole(browser, links.kubernetes()));
    const item = problemItem(view.page, withCommand!.id);
    const block = item.getByTestId("fix-command").first();
    await expect(block.textContent()).resolves.toBe(findFixCommands(withCommand!.fix)[0]);
    await item
      .getByRole("button", { name: /Copy command/ })
      .first()
      .waitFor();
    await view.close();
  });
});

describe("the filtered tree shows the match", () => {
  it("filtered by team-a/api, the tree opens down to the entry, says how many match and hides empty groups", async () => {
    const view = await EntriesPage.open(browser, "foo");
    await view.page.getByTestId("tree-row").first().waitFor();
    await view.filter({ spiffeId: "team-a/api" });
    await view.treeRow("spiffe://foo.example.com/team-a/api").waitFor({ timeout: 30_000 });
    await expect(view.page.getByTestId("tree-summary").textContent()).resolves.toMatch(/^\d+ of \d+ entries match/);
    const summary = (await view.page.getByTestId("tree-summary").textContent()) ?? "";
    const [matches, total] = summary.match(/\d+/g)!.map(Number);
    expect(matches).toBeGreaterThanOrEqual(1);
    expect(matches).toBeLessThan(total!);
    await expect(view.page.locator('[data-testid="tree-row"][data-kind="orphans"]').count()).resolves.toBe(0);
    await view.screenshot("issue-29-entries-tree-filtered-1440");
    await view.close();
  });
});

/** Pairs of texts in different cells whose visible boxes overlap, and texts that spill out of their cell. */
function findCollisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { cell: Element; rect: DOMRect; text: string };
    const boxes: Box[] = [];
    const problems: string[] = [];
    const clipOf = (el: Element, cell: Element): DOMRect | null => {
      // The cell itself may clip (a truncated cell shows an ellipsis, its text stays inside).
      for (let e: Element | null = el; e && e !== cell.parentElement; e = e.parentElement) {
        if (getComputedStyle(e).overflowX !== "visible") return e.getBoundingClientRect();
      }
      return null;
    };
    const rows = [...document.querySelectorAll('[data-testid="agent-row"]')];
    for (const row of rows) {
      for (const cell of row.querySelectorAll("td")) {
        const cellBox = cell.getBoundingClientRect();
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const parent = n.parentElement;
          if (!n.textContent?.trim() || !parent || parent.closest(".sr-only")) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          const clip = clipOf(parent, cell);
          for (const r of range.getClientRects()) {
            const left = Math.max(r.left, clip?.left ?? -Infinity);
            const right = Math.min(r.right, clip?.right ?? Infinity);
            if (right - left <= 0 || r.height <= 0) continue;
            const rect = new DOMRect(left, r.top, right - left, r.height);
            if (rect.left < cellBox.left - 1 || rect.right > cellBox.right + 1) {
              problems.push(`'${n.textContent.trim()}' spills out of its cell`);
            }
            boxes.push({ cell, rect, text: n.textContent.trim() });
          }
        }
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.cell === b.cell) continue;
        const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (x > 1 && y > 1) problems.push(`'${a.text}' overlaps '${b.text}'`);
      }
    }
    return rows.length ? problems : ["no agent rows"];
  });
}

describe("the Agents page on a phone", () => {
  it.each(["light", "dark"] as const)(
    "at 390 px (%s) the agents are cards with no overlapping text and no sideways scroll",
    async (theme) => {
      const page = await openConsole(browser, links.agents("foo"), "admin", { width: 390, colorScheme: theme });
      await page.getByTestId("agent-row").first().waitFor();
      await page.waitForTimeout(300);
      await expect(page.getByRole("columnheader", { name: "Version" }).isVisible()).resolves.toBe(false);
      expect(await findCollisions(page)).toEqual([]);
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth] as const);
      expect(widths[0], "the page scrolls sideways").toBeLessThanOrEqual(widths[1]);
      expect(pageErrors(page)).toEqual([]);
      await saveScreenshot(page, `issue-29-agents-390-${theme}`);
      await page.context().close();
    },
  );

  it("at 1440 px the table has a Node / host column; a node links to its row on the Kubernetes page", async () => {
    const page = await openConsole(browser, links.agents("foo"));
    await page.getByRole("columnheader", { name: "Node / host" }).waitFor();
    expect(await findCollisions(page)).toEqual([]);
    const node = page.getByTestId("agent-node").first();
    await node.waitFor();
    const name = (await node.textContent())!;
    await saveScreenshot(page, "issue-29-agents-1440-light");
    await node.click();
    await page.waitForURL((url) => url.pathname === "/kubernetes" && url.hash === `#node-${name}`);
    await expectLanded(page.locator(`[data-testid="k8s-node-row"][data-node="${name}"]`));
    await page.context().close();
  });
});
