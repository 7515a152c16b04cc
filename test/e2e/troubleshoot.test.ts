import { existsSync } from "node:fs";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  TROUBLESHOOT_NAMESPACE,
  TROUBLESHOOT_PODS,
  type TroubleshootCase,
} from "../../scripts/k8s/seed-troubleshoot.ts";
import { launchBrowser, openConsole, saveScreenshot } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const podName = (c: TroubleshootCase) => TROUBLESHOOT_PODS.find((p) => p.case === c)!.name;
const verdict = (page: Page) => page.getByTestId("verdict");

/** Picks a pod through the searchable list, the way a user does. */
async function pick(page: Page, c: TroubleshootCase): Promise<void> {
  await page.getByLabel("Pod", { exact: true }).fill(podName(c));
  await page
    .getByRole("list", { name: "Pods" })
    .getByRole("link", { name: new RegExp(`${TROUBLESHOOT_NAMESPACE}/${podName(c)}`) })
    .click();
  await page.getByRole("heading", { name: new RegExp(`Pod ${TROUBLESHOOT_NAMESPACE}/${podName(c)}`) }).waitFor();
}

describe("the troubleshooter in Chromium", () => {
  it("says the working pod gets its SVID", async () => {
    const page = await openConsole(browser, "/troubleshoot?server=foo");
    await pick(page, "works");
    await expect(verdict(page).getAttribute("data-status")).resolves.toBe("ok");
    await verdict(page).getByText("Gets SVIDs for: spiffe://foo.example.com/troubleshoot/works").waitFor();
    await page.getByTestId("check-delivery").getByText("Mounted via the CSI driver at /spiffe-workload-api").waitFor();
    expect(existsSync(await saveScreenshot(page, "troubleshoot-works"))).toBe(true);
    await page.close();
  });

  it("explains the wrong namespace and opens the create form pre-filled with the pod's values", async () => {
    const page = await openConsole(browser, "/troubleshoot?server=foo");
    await pick(page, "wrong-ns");
    await expect(verdict(page).getAttribute("data-status")).resolves.toBe("none");
    const first = page.getByTestId("reason").first();
    await expect(first.getAttribute("data-code")).resolves.toBe("namespace");
    await first.getByText("k8s:ns:troubleshooting").first().waitFor();
    expect(existsSync(await saveScreenshot(page, "troubleshoot-wrong-namespace"))).toBe(true);
    await first.getByRole("link", { name: "Create with the workload's values" }).click();
    await page.getByRole("heading", { name: "New entry on foo" }).waitFor();
    const selectors = [
      await page.getByLabel("Selector 1").inputValue(),
      await page.getByLabel("Selector 2").inputValue(),
    ].sort();
    expect(selectors).toEqual([`k8s:ns:${TROUBLESHOOT_NAMESPACE}`, "k8s:sa:ts-wrong-ns"]);
    await expect(page.getByLabel("Parent ID").inputValue()).resolves.toMatch(
      /^spiffe:\/\/foo\.example\.com\/spire\/agent\/k8s_psat\/demo\//,
    );
    await page.close();
  });

  it("explains the stale node UID parent and offers the node's agent", async () => {
    const page = await openConsole(
      browser,
      `/troubleshoot?server=foo&namespace=${TROUBLESHOOT_NAMESPACE}&name=${podName("stale-node")}`,
    );
    const first = page.getByTestId("reason").first();
    await expect(first.getAttribute("data-code")).resolves.toBe("stale-parent");
    await first.getByText("no longer exists").waitFor();
    await page.getByText("Why did an agent not attest?").waitFor();
    await page.getByTestId("server-log-unavailable").waitFor();
    expect(existsSync(await saveScreenshot(page, "troubleshoot-stale-node"))).toBe(true);
    await first.getByRole("link", { name: "Create under this node's agent" }).click();
    await page.getByRole("heading", { name: "New entry on foo" }).waitFor();
    await expect(page.getByLabel("Parent ID").inputValue()).resolves.toMatch(
      /^spiffe:\/\/foo\.example\.com\/spire\/agent\/k8s_psat\/demo\//,
    );
    await expect(page.getByLabel("Selector 1").inputValue()).resolves.toMatch(/^k8s:(ns|sa):/);
    await page.close();
  });
});
