// Issue 29, the rest of items 5 and 6, as the user does it in Chromium: a viewer previews a clean-up (the dry
// run, what would be sent and what it would affect) and cannot apply it, the CLI the witness that nothing
// changed; an SRE goes from an agent to its Kubernetes node and the pods there that use the Workload API,
// and from the node's row back to the agent. Pictures at 1280 and 390 px in test-results/screenshots.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { links } from "@/lib/links";

import { NODES, WORKLOADS } from "../../scripts/k8s/topology.ts";
import { type CliAgent, idToString, spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { cliCounts, cliCreate, cliHasEntry, id } from "../support/cleanup";
import { ConsolePage } from "./pages/console-page";
import { KubernetesPage } from "./pages/kubernetes-page";
import { launchBrowser, openConsole } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a viewer previews a clean-up", () => {
  const run = Date.now().toString(36);
  let orphan = "";
  beforeAll(async () => {
    orphan = await cliCreate(id(`/e2e-preview/${run}/orphan`), id(`/e2e-preview/${run}/nowhere`), "unix:uid:7300");
  });
  afterAll(async () => {
    if (orphan) await spireServer("foo", ["entry", "delete", "-entryID", orphan], stackState()).catch(() => {});
  });

  it("selects an orphan entry, reads the dry run, sees Apply refused with the reason; nothing changes", async () => {
    const counts = await cliCounts();
    for (const width of [1280, 390]) {
      const view = new ConsolePage(await openConsole(browser, links.cleanup("foo"), "viewer", { width }));
      const row = view.page.locator(`[data-testid="finding-row"][data-key="entry:${orphan}"]`);
      await row.waitFor({ timeout: 30_000 });
      await row.getByRole("checkbox").check();
      await view.button("Dry run").click();
      const dryRun = view.page.getByTestId("dry-run");
      await dryRun.getByText("Dry run: nothing has been changed").waitFor({ timeout: 30_000 });
      await expect(dryRun.getByTestId("dry-run-calls").textContent()).resolves.toContain(orphan);
      await dryRun.getByTestId("blast-radius").getByText("No other entry loses its parent.").waitFor();
      // Apply is there, disabled, with the reason in words.
      await view.page.getByText(/Not allowed: the viewer role may not clean up stale entries and agents/).waitFor();
      await expect(view.button("Apply clean-up").getAttribute("aria-disabled")).resolves.toBe("true");
      await view.screenshot(`issue-29-cleanup-viewer-preview-${width}`);
      await view.close();
    }
    // The spire-server CLI is the witness: the preview removed nothing.
    expect(await cliHasEntry(orphan)).toBe(true);
    expect(await cliCounts()).toEqual(counts);
  });
});

describe("agent ↔ node ↔ pods", () => {
  const node = NODES[0]!.name;
  const onNode = WORKLOADS.filter((w) => w.node === node);
  let agentId = "";
  beforeAll(async () => {
    const agents = (await spireServerJson<{ agents: CliAgent[] | null }>("foo", ["agent", "list"], stackState()))
      .agents;
    const agent = (agents ?? []).find((a) =>
      a.selectors.some((s) => s.type === "k8s_psat" && s.value === `agent_node_name:${node}`),
    );
    expect(agent, `a k8s_psat agent of foo on ${node}`).toBeDefined();
    agentId = idToString(agent!.id);
  });

  it("goes from an agent to its node's pods that use the Workload API, to the node's row, and back", async () => {
    expect(onNode.filter((w) => w.csi).length).toBeGreaterThan(0);
    expect(onNode.filter((w) => !w.csi).length).toBeGreaterThan(0);
    const view = new ConsolePage(await openConsole(browser, links.agent("foo", agentId)));
    const nodeLink = view.page.getByTestId("agent-detail-node").getByRole("link", { name: node });
    await nodeLink.waitFor({ timeout: 30_000 });
    const pods = view.page.getByTestId("agent-node-workloads").getByTestId("node-workload");
    await pods.first().waitFor({ timeout: 30_000 });
    const listed = await pods.evaluateAll((items) => items.map((i) => i.getAttribute("data-pod")));
    for (const w of onNode) expect(listed.includes(`${w.namespace}/${w.name}`), w.name).toBe(w.csi);
    // Each pod opens the troubleshooter for it.
    const payments = onNode.find((w) => w.csi)!;
    await expect(pods.filter({ hasText: payments.name }).getByRole("link").getAttribute("href")).resolves.toMatch(
      new RegExp(`^/troubleshoot\\?.*name=${payments.name}`),
    );
    await view.screenshot("issue-29-agent-node-pods-1280");

    await nodeLink.click();
    await view.page.waitForURL((url) => url.pathname === "/kubernetes" && url.hash === `#node-${node}`);
    const k8s = new KubernetesPage(view.page);
    const row = k8s.nodeRow(node);
    await row.waitFor();
    await row.getByTestId("node-workloads-toggle").click();
    await row.locator(`[data-testid="node-workload"][data-pod="${payments.namespace}/${payments.name}"]`).waitFor();
    await view.screenshot("issue-29-node-row-pods-1280");
    await row.getByTestId("node-agent-link").filter({ hasText: agentId }).click();
    await view.page.waitForURL((url) => decodeURIComponent(url.pathname) === `/agents/${agentId}`);
    await view.page.getByTestId("agent-detail-node").waitFor();
    await k8s.close();
  });

  it("shows the agent's node and its pods on a phone without sideways scroll", async () => {
    const view = new ConsolePage(await openConsole(browser, links.agent("foo", agentId), "viewer", { width: 390 }));
    await view.page
      .getByTestId("agent-node-workloads")
      .getByTestId("node-workload")
      .first()
      .waitFor({ timeout: 30_000 });
    const overflow = await view.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await view.screenshot("issue-29-agent-node-pods-390");
    await view.close();
  });
});
