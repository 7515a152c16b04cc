// Workloads with no identity in Chromium (issue 24, item 4): from the Kubernetes page to the list, each pod with
// why, "Edit the existing entry" first where an entry nearly matches, and "Create entry" opening a prefilled form.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { EDGE_FAULTS } from "../../scripts/k8s/world-edge.ts";
import { type CliAgent, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { EntryFormPage } from "./pages/entry-form-page";
import { KubernetesPage } from "./pages/kubernetes-page";
import { NoIdentityPage } from "./pages/no-identity-page";
import { findAxeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
import { pageErrors } from "./support/page-errors";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const key = (p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`;

describe("workloads with no identity", () => {
  it("opens the list from the Kubernetes page and follows Create entry to a prefilled form", async () => {
    const k8s = await KubernetesPage.open(browser);
    await k8s.page.getByRole("link", { name: "Workloads with no identity" }).click();
    await k8s.page.waitForURL((url) => url.pathname === "/kubernetes/no-identity");
    const view = new NoIdentityPage(k8s.page);
    await view.heading("Workloads with no identity").waitFor();

    const search = view.row("edge", key(EDGE_FAULTS.otherAgentPod));
    await search.getByText("Entry under another agent").waitFor();
    const fixes = search.getByRole("link");
    await expect(fixes.first().textContent()).resolves.toBe("Edit the existing entry: move it to this node's agent");
    const inventory = view.row("edge", key(EDGE_FAULTS.nearMissPod));
    await inventory.getByText("Selector near miss").waitFor();
    await inventory.getByText(`k8s:sa:${EDGE_FAULTS.nearMissPod.wrongSa}`).first().waitFor();
    await view.row("demo", "billing/billing-reports-59c7d-w4m8t").getByText("No entry").waitFor();
    expect(await findAxeViolations(view.page)).toEqual([]);
    await view.screenshot("no-identity-list");

    const reviews = view.row("edge", key(EDGE_FAULTS.noEntryCsiPod));
    await reviews.getByText("No entry").waitFor();
    await reviews.getByRole("link", { name: "Create entry" }).click();
    await view.page.waitForURL((url) => url.pathname === "/entries/new");
    const form = new EntryFormPage(view.page);
    await form.heading("New entry").waitFor();
    // The form holds the path; the trust domain is foo's, shown beside it.
    await expect(form.field("SPIFFE ID").inputValue()).resolves.toBe("/ns/storefront/sa/storefront-reviews");
    // The parent is edge-node-1's agent, as `spire-server agent list` names it.
    const cli = await spireServerJson<{ agents: CliAgent[] }>("foo", ["agent", "list"], stackState());
    const onEdge = cli.agents.map((a) => idToString(a.id)).filter((id) => id.includes("/k8s_psat/edge/"));
    expect(onEdge).toHaveLength(1);
    await expect(form.field("Parent ID").inputValue()).resolves.toBe(onEdge[0]);
    const selectors = [await form.field("Selector 1").inputValue(), await form.field("Selector 2").inputValue()];
    expect(selectors.sort()).toEqual(["k8s:ns:storefront", "k8s:sa:storefront-reviews"]);
    expect(pageErrors(form.page)).toEqual([]);
    await form.close();
  });
});
