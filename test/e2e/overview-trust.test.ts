// Issue 16, item 2: the Overview lists every problem the console knows (the seeded Kubernetes
// faults and the node without an agent included), each linked to where it is fixed, and a
// server's badge is not "Healthy" while its problems stand.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { KubernetesSpireReport } from "@/lib/kubernetes/build-report";

import { AGENTLESS_NODE } from "../../scripts/k8s/seed-troubleshoot.ts";
import { apiGet } from "../support/api";
import { KubernetesPage } from "./pages/kubernetes-page";
import { OverviewPage } from "./pages/overview-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
let report: KubernetesSpireReport;
beforeAll(async () => {
  browser = await launchBrowser();
  const answer = await apiGet<KubernetesSpireReport>("/api/kubernetes/spire");
  expect(answer.status).toBe(200);
  report = answer.body;
});
afterAll(async () => {
  await browser?.close();
});

describe("an Overview the operator can trust", () => {
  it("lists every Kubernetes problem of the seeded world and the node without an agent", async () => {
    expect(report.problems.length).toBeGreaterThan(0);
    const view = await OverviewPage.open(browser);
    await view.problems().first().waitFor({ timeout: 60_000 });
    await expect.poll(() => view.problems("kubernetes").count()).toBe(report.problems.length);
    for (const problem of report.problems)
      await view.problems("kubernetes").getByRole("link", { name: problem.title, exact: true }).first().waitFor();
    await view
      .problems("attestation")
      .getByRole("link", { name: `Node ${AGENTLESS_NODE} has no SPIRE agent` })
      .waitFor();
    await expect(view.problems().getByRole("link").count()).resolves.toBe(await view.problems().count());
    await view.screenshot("overview-all-problems");
    await view.close();
  });

  it("shows foo Degraded with the reason while its problems stand, and bar Healthy", async () => {
    const errors = report.problems.filter((p) => p.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    const view = await OverviewPage.open(browser);
    await view.waitStatus("foo", "Degraded");
    await expect(view.serverCard("foo").getByText("Healthy", { exact: true }).count()).resolves.toBe(0);
    await expect(view.statusReason("foo").textContent()).resolves.toMatch(/more error/);
    await view.waitStatus("bar", "Healthy");
    await view.screenshot("overview-badges");
    await view.close();
  });

  it("links a Kubernetes problem to its place on the Kubernetes page", async () => {
    const first = report.problems[0]!;
    const view = await OverviewPage.open(browser);
    await view.problems("kubernetes").getByRole("link", { name: first.title, exact: true }).first().click();
    await view.page.waitForURL((url) => url.pathname === "/kubernetes" && url.hash.startsWith("#problem-"));
    const k8s = new KubernetesPage(view.page);
    await k8s.problem(first.id).waitFor();
    // The page opens at that problem: it is in view.
    await expect
      .poll(() =>
        k8s.problem(first.id).evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.top < window.innerHeight;
        }),
      )
      .toBe(true);
    await k8s.close();
  });
});
