import { existsSync } from "node:fs";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CANARY_NAMESPACE, FAULTS, NODES } from "../../scripts/k8s/topology.ts";
import { launchBrowser, openConsole, saveScreenshot } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the Kubernetes page in Chromium", () => {
  it("shows the crash-looping CSI pod, the unregistered node and the socket mismatch", async () => {
    const page = await openConsole(browser, "/kubernetes");
    const crashRow = page.locator(`[data-testid="k8s-node-row"][data-node="${FAULTS.crashLoopNode}"]`);
    await crashRow.getByText("CrashLoopBackOff").waitFor();
    const crashPod = NODES.find((n) => n.name === FAULTS.crashLoopNode)!.csiPod;
    await crashRow.getByText(crashPod).waitFor();
    await crashRow.getByText(`${FAULTS.crashLoopRestarts} restarts`).waitFor();

    const unregistered = page.locator(`[data-testid="k8s-node-row"][data-node="${FAULTS.unregisteredNode}"]`);
    await unregistered.getByText("Not registered").waitFor();
    await expect(page.locator('[data-testid="k8s-node-row"]').getByText("Not registered").count()).resolves.toBe(1);

    const canary = page.locator(`[data-testid="k8s-socket-row"][data-namespace="${CANARY_NAMESPACE}"]`);
    await canary.getByText("Mismatch").waitFor();
    await canary.getByText(FAULTS.canaryAgentSocketDir).waitFor();
    await page.locator('[data-testid="k8s-socket-row"][data-namespace="spire"]').getByText("Same directory").waitFor();

    await page.getByText(`${FAULTS.failedMountPod.namespace}/pod/${FAULTS.failedMountPod.name}`).first().waitFor();
    await page.getByText(`Socket path mismatch in ${CANARY_NAMESPACE}`).waitFor();
    // every node is joined to a k8s_psat agent
    await expect(
      page.locator('[data-testid="k8s-node-row"]').getByText("joined by k8s_psat:agent_node_uid").count(),
    ).resolves.toBe(NODES.length);
    expect(existsSync(await saveScreenshot(page, "kubernetes"))).toBe(true);
    await page.close();
  });
});
