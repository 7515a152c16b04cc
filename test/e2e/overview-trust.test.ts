// Issue 16, item 2: the Overview lists every problem the console knows (the seeded Kubernetes
// faults and the node without an agent included), each linked to where it is fixed, and a
// server's badge is not "Healthy" while its problems stand.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { KubernetesSpireReport } from "@/lib/kubernetes/build-report";
import type { DeploymentsResponse } from "@/lib/kubernetes/load-deployments";

import { AGENTLESS_NODE } from "../../scripts/k8s/seed-troubleshoot.ts";
import { CANARY_NAMESPACE } from "../../scripts/k8s/topology.ts";
import { apiGet } from "../support/api";
import { KubernetesPage } from "./pages/kubernetes-page";
import { OverviewPage } from "./pages/overview-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
let report: KubernetesSpireReport;
/** Every deployment's report (foo and bar in demo, foo in edge): the Overview lists all their problems. */
let reports: KubernetesSpireReport[];
beforeAll(async () => {
  browser = await launchBrowser();
  const answer = await apiGet<KubernetesSpireReport>("/api/kubernetes/spire");
  expect(answer.status).toBe(200);
  report = answer.body;
  const list = await apiGet<DeploymentsResponse>("/api/kubernetes/deployments");
  reports = await Promise.all(
    list.body.deployments.map(async (d) => {
      const one = await apiGet<KubernetesSpireReport>(
        `/api/kubernetes/spire?cluster=${d.cluster}&deployment=${d.deployment}`,
      );
      expect(one.status).toBe(200);
      return one.body;
    }),
  );
});
afterAll(async () => {
  await browser?.close();
});

describe("an Overview the operator can trust", () => {
  it("lists every Kubernetes problem of the seeded world, in every cluster, and the node without an agent", async () => {
    expect(reports.map((r) => r.problems.length).every((n) => n > 0)).toBe(true);
    const all = reports.flatMap((r) => r.problems);
    // A root cause is listed once, the problems it causes under it (PodSecurity on the canary: both DaemonSets).
    const roots = (r: KubernetesSpireReport) => r.problems.filter((p) => !p.causeId);
    const view = await OverviewPage.open(browser);
    await view.problems().first().waitFor({ timeout: 60_000 });
    await expect.poll(() => view.problems("kubernetes").count()).toBe(reports.flatMap(roots).length);
    await expect(view.problems("kubernetes").getByTestId("problem-symptom").count()).resolves.toBe(
      all.length - reports.flatMap(roots).length,
    );
    for (const problem of all)
      await view.problems("kubernetes").getByRole("link", { name: problem.title, exact: true }).first().waitFor();
    // Each names its cluster and deployment.
    for (const r of reports) {
      const where = `cluster ${r.cluster.configName} · deployment ${r.cluster.deployment}`;
      await expect(view.problems("kubernetes").getByText(where).count()).resolves.toBe(roots(r).length);
    }
    await view
      .problems("attestation")
      .getByRole("link", { name: `Node ${AGENTLESS_NODE} has no SPIRE agent` })
      .waitFor();
    await expect(view.problems().getByTestId("problem-link").count()).resolves.toBe(await view.problems().count());
    await view.screenshot("overview-all-problems");
    await view.close();
  });

  it("shows PodSecurity on the canary once, both DaemonSet errors under it, also on the Kubernetes page", async () => {
    const cause = report.problems.find((p) => p.id === `pod-security:${CANARY_NAMESPACE}`)!;
    const symptoms = report.problems.filter((p) => p.causeId === cause.id);
    expect(symptoms.map((p) => p.id).sort()).toEqual([
      `ds-not-ready:${CANARY_NAMESPACE}/spiffe-csi-driver`,
      `ds-not-ready:${CANARY_NAMESPACE}/spire-agent`,
    ]);
    const view = await OverviewPage.open(browser);
    const item = view
      .problems("kubernetes")
      .filter({ has: view.page.getByTestId("problem-link").getByText(cause.title, { exact: true }) });
    await item.waitFor({ timeout: 60_000 });
    await expect(item.getByTestId("problem-symptom").allTextContents()).resolves.toEqual(symptoms.map((p) => p.title));
    // The DaemonSet errors are not problems of their own.
    for (const symptom of symptoms)
      await expect(
        view.page.getByTestId("problem-link").getByText(symptom.title, { exact: true }).count(),
      ).resolves.toBe(0);
    await view.screenshot("overview-root-cause");

    await item.getByTestId("problem-symptom").first().getByRole("link").click();
    await view.page.waitForURL((url) => url.pathname === "/kubernetes" && url.hash.startsWith("#problem-ds-not-ready"));
    const k8s = new KubernetesPage(view.page);
    // On the Kubernetes page too, the symptom sits inside its cause's item.
    await k8s.problem(cause.id).locator(`[data-problem-id="${symptoms[0]!.id}"]`).waitFor();
    await expect(k8s.problem(symptoms[0]!.id).getAttribute("data-cause-id")).resolves.toBe(cause.id);
    await k8s.close();
  });

  it("shows foo Degraded with the reason while its problems stand, and bar Healthy", async () => {
    const errors = report.problems.filter((p) => p.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    const view = await OverviewPage.open(browser);
    await view.waitStatus("foo", "Degraded");
    await expect(view.serverCard("foo").getByText("Healthy", { exact: true }).count()).resolves.toBe(0);
    await expect(view.statusReason("foo").textContent()).resolves.toMatch(/more error/);
    // bar's deployment in demo has only a warning (no spire-bundle ConfigMap in spire-bar).
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
