import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  TROUBLESHOOT_NAMESPACE,
  TROUBLESHOOT_PODS,
  type TroubleshootCase,
} from "../../scripts/k8s/seed-troubleshoot.ts";
import { EntryFormPage } from "./pages/entry-form-page";
import { TroubleshootPage } from "./pages/troubleshoot-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const podName = (c: TroubleshootCase) => TROUBLESHOOT_PODS.find((p) => p.case === c)!.name;
const agentId = /^spiffe:\/\/foo\.example\.com\/spire\/agent\/k8s_psat\/demo\//;

describe("the troubleshooter in Chromium", () => {
  it("says the working pod gets its SVID", async () => {
    const view = await TroubleshootPage.open(browser, "foo");
    await view.pick(TROUBLESHOOT_NAMESPACE, podName("works"));
    await expect(view.verdict().getAttribute("data-status")).resolves.toBe("ok");
    await view.verdict().getByText("Gets SVIDs for: spiffe://foo.example.com/troubleshoot/works").waitFor();
    await view.check("delivery").getByText("Mounted via the CSI driver at /spiffe-workload-api").waitFor();
    await expect(view.check("delivery").getAttribute("data-state")).resolves.toBe("pass");
    await expect(view.check("matches").getAttribute("data-state")).resolves.toBe("pass");
    await expect(view.reasons().count()).resolves.toBe(0);
    await view.screenshot("troubleshoot-works");
    await view.close();
  });

  it("explains the wrong namespace and opens the create form pre-filled with the pod's values", async () => {
    const view = await TroubleshootPage.open(browser, "foo");
    await view.pick(TROUBLESHOOT_NAMESPACE, podName("wrong-ns"));
    await expect(view.verdict().getAttribute("data-status")).resolves.toBe("none");
    const first = view.reasons().first();
    await expect(first.getAttribute("data-code")).resolves.toBe("namespace");
    await first.getByText("k8s:ns:troubleshooting").first().waitFor();
    await expect(view.check("matches").getAttribute("data-state")).resolves.toBe("fail");
    await view.screenshot("troubleshoot-wrong-namespace");
    await first.getByRole("link", { name: "Create with the workload's values" }).click();
    const form = new EntryFormPage(view.page);
    await form.heading("New entry on foo").waitFor();
    const selectors = [await form.field("Selector 1").inputValue(), await form.field("Selector 2").inputValue()].sort();
    expect(selectors).toEqual([`k8s:ns:${TROUBLESHOOT_NAMESPACE}`, "k8s:sa:ts-wrong-ns"]);
    await expect(form.field("Parent ID").inputValue()).resolves.toMatch(agentId);
    await form.close();
  });

  it("explains the stale node UID parent and offers the node's agent", async () => {
    const view = await TroubleshootPage.openPod(browser, "foo", TROUBLESHOOT_NAMESPACE, podName("stale-node"));
    const first = view.reasons().first();
    await expect(first.getAttribute("data-code")).resolves.toBe("stale-parent");
    await first.getByText("no longer exists").waitFor();
    await view.heading("Why did an agent not attest?").waitFor();
    await view.page.getByTestId("server-log-unavailable").waitFor();
    await expect(view.verdict().getAttribute("data-status")).resolves.toBe("none");
    await view.screenshot("troubleshoot-stale-node");
    await first.getByRole("link", { name: "Create under this node's agent" }).click();
    const form = new EntryFormPage(view.page);
    await form.heading("New entry on foo").waitFor();
    await expect(form.field("Parent ID").inputValue()).resolves.toMatch(agentId);
    await expect(form.field("Selector 1").inputValue()).resolves.toMatch(/^k8s:(ns|sa):/);
    await form.close();
  });
});
