// Issue 24 in Chromium: pick a cluster and a deployment on the Kubernetes page, follow a problem of
// cluster edge from the Overview to its place and fix, and troubleshoot a pod that runs in edge.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BAR_FAULTS, BAR_NODES } from "../../scripts/k8s/world-bar.ts";
import { EDGE_FAULTS } from "../../scripts/k8s/world-edge.ts";
import { KubernetesPage } from "./pages/kubernetes-page";
import { OverviewPage } from "./pages/overview-page";
import { TroubleshootPage } from "./pages/troubleshoot-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("every SPIRE deployment in every cluster", () => {
  it("lists the deployments and opens bar's in cluster demo, with its own nodes and fault", async () => {
    const k8s = await KubernetesPage.open(browser);
    for (const [cluster, deployment] of [
      ["demo", "foo"],
      ["demo", "bar"],
      ["edge", "foo"],
    ] as const)
      await k8s.deploymentRow(cluster, deployment).waitFor();
    await k8s.deploymentRow("edge", "foo").getByText("Unreachable").waitFor({ state: "detached" });
    await k8s.deploymentRow("demo", "bar").getByRole("link", { name: "bar", exact: true }).click();
    await k8s.page.waitForURL(
      (url) => url.searchParams.get("cluster") === "demo" && url.searchParams.get("deployment") === "bar",
    );
    await k8s.page.getByText("Deployment bar in namespace spire-bar").waitFor();
    await expect.poll(() => k8s.nodeRows().count()).toBe(BAR_NODES.length);
    for (const node of BAR_NODES) await k8s.nodeRow(node.name).getByText("joined by k8s_psat:agent_node_uid").waitFor();
    await k8s
      .problem(`bundle-missing:${BAR_FAULTS.missingBundle.namespace}/${BAR_FAULTS.missingBundle.name}`)
      .waitFor();
    await expect(k8s.problems().count()).resolves.toBe(1);
    await k8s.screenshot("kubernetes-deployment-bar");
    await k8s.close();
  });

  it("follows a problem of cluster edge from the Overview to its place and its fix", async () => {
    const view = await OverviewPage.open(browser);
    const edgeProblem = view.problems("kubernetes").filter({ hasText: "cluster edge · deployment foo" }).first();
    await edgeProblem.waitFor({ timeout: 60_000 });
    const title = (await edgeProblem.getByRole("link").first().textContent())!;
    await edgeProblem.getByRole("link").first().click();
    await view.page.waitForURL(
      (url) =>
        url.pathname === "/kubernetes" &&
        url.searchParams.get("cluster") === "edge" &&
        url.hash.startsWith("#problem-"),
    );
    const k8s = new KubernetesPage(view.page);
    const problem = k8s.problems().filter({ hasText: title });
    await problem.first().waitFor();
    await problem
      .first()
      .getByText(/Fix|fix/)
      .first()
      .waitFor();
    await k8s.page.getByText("Runs outside this cluster").waitFor();
    await k8s.nodeRow(EDGE_FAULTS.stuckAgentNode).waitFor();
    await k8s.close();
  });

  it("troubleshoots a pod in edge: found through the picker, served by foo's agents, its node has none", async () => {
    const view = await TroubleshootPage.open(browser, "foo");
    const { namespace, name } = EDGE_FAULTS.agentlessPod;
    await view.page.getByLabel("Pod", { exact: true }).fill(name);
    const item = view.page
      .getByRole("list", { name: "Pods" })
      .getByRole("link", { name: new RegExp(`${namespace}/${name}`) });
    await item.getByText(/^edge · /).waitFor();
    await item.click();
    await view.heading(new RegExp(`Pod ${namespace}/${name}`)).waitFor();
    expect(new URL(view.page.url()).searchParams.get("cluster")).toBe("edge");
    await view.page.getByTestId("ts-pod-cluster").getByText("edge", { exact: true }).waitFor();
    await expect(view.verdict().getAttribute("data-status")).resolves.not.toBe("ok");
    await view.screenshot("troubleshoot-edge-pod");
    await view.close();
  });
});
