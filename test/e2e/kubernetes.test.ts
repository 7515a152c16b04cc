import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CANARY_NAMESPACE, FAULTS, NODES } from "../../scripts/k8s/topology.ts";
import { KubernetesPage } from "./pages/kubernetes-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the Kubernetes page in Chromium", () => {
  it("shows the crash-looping CSI pod, the unregistered node and the socket mismatch", async () => {
    const k8s = await KubernetesPage.open(browser);
    const crashRow = k8s.nodeRow(FAULTS.crashLoopNode);
    await crashRow.getByText("CrashLoopBackOff").waitFor();
    const crashPod = NODES.find((n) => n.name === FAULTS.crashLoopNode)!.csiPod;
    await crashRow.getByText(crashPod).waitFor();
    await crashRow.getByText(`${FAULTS.crashLoopRestarts} restarts`).waitFor();

    const unregistered = k8s.nodeRow(FAULTS.unregisteredNode);
    await unregistered.getByText("Not registered").waitFor();
    await expect(k8s.nodeRows().getByText("Not registered").count()).resolves.toBe(1);

    const canary = k8s.socketRow(CANARY_NAMESPACE);
    await canary.getByText("Mismatch").waitFor();
    await canary.getByText(FAULTS.canaryAgentSocketDir).waitFor();
    await k8s.socketRow("spire").getByText("Same directory").waitFor();

    await k8s.page.getByText(`${FAULTS.failedMountPod.namespace}/pod/${FAULTS.failedMountPod.name}`).first().waitFor();
    await k8s.page.getByText(`Socket path mismatch in ${CANARY_NAMESPACE}`).waitFor();
    // every node is joined to a k8s_psat agent
    await expect(k8s.nodeRows().getByText("joined by k8s_psat:agent_node_uid").count()).resolves.toBe(NODES.length);
    await k8s.screenshot("kubernetes");
    await k8s.close();
  });

  it("shows one row per node, and each seeded fault as a problem with its fix", async () => {
    const k8s = await KubernetesPage.open(browser);
    await k8s.nodeRows().first().waitFor();
    await expect(k8s.nodeRows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-node")))).resolves.toEqual(
      NODES.map((n) => n.name),
    );
    const problems = await k8s.problems().count();
    expect(problems).toBeGreaterThanOrEqual(6);
    await k8s.heading(`Problems (${problems})`).waitFor();
    for (const id of [
      `csi-crashloop:${FAULTS.crashLoopNode}`,
      `csi-unregistered:${FAULTS.unregisteredNode}`,
      `socket-mismatch:${CANARY_NAMESPACE}`,
      `failed-mount:${FAULTS.failedMountPod.namespace}/${FAULTS.failedMountPod.name}`,
    ]) {
      const problem = k8s.problem(id);
      await expect(problem.count(), id).resolves.toBe(1);
      // Its own fix (a root cause's item also holds the problems it causes, each with theirs).
      await expect(problem.locator(":scope > p", { hasText: "Fix:" }).count(), id).resolves.toBe(1);
    }
    await k8s
      .problem(`csi-unregistered:${FAULTS.unregisteredNode}`)
      .locator(":scope > p", { hasText: /node-driver-registrar/ })
      .waitFor();
    await k8s
      .problem(`failed-mount:${FAULTS.failedMountPod.namespace}/${FAULTS.failedMountPod.name}`)
      .getByText("Error", { exact: true })
      .waitFor();
    await k8s.close();
  });

  it("reports the SPIRE components' health, the blocked canary namespace and an up-to-date trust bundle", async () => {
    const k8s = await KubernetesPage.open(browser);
    await k8s.page.getByTestId("k8s-server-card").getByText("Healthy", { exact: true }).waitFor();
    await k8s.page.getByTestId("k8s-ds-spire-spire-agent").getByText("Healthy", { exact: true }).waitFor();
    await k8s.page.getByTestId("k8s-ds-spire-spiffe-csi-driver").getByText("Degraded", { exact: true }).waitFor();
    await k8s.page
      .locator(`[data-testid="k8s-podsecurity-row"][data-namespace="${CANARY_NAMESPACE}"]`)
      .getByText("Blocked", { exact: true })
      .waitFor();
    await k8s.page
      .locator('[data-testid="k8s-podsecurity-row"][data-namespace="spire"]')
      .getByText("Yes", { exact: true })
      .waitFor();
    const bundle = k8s.page.getByTestId("k8s-bundle-card");
    await bundle.getByText("Up to date with the server's current bundle.").waitFor();
    await expect(bundle.getByText("Healthy", { exact: true }).count()).resolves.toBe(1);
    await k8s.close();
  });
});
