import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { AgentsPage } from "./pages/agents-page";
import { EntriesPage } from "./pages/entries-page";
import { FederationPage } from "./pages/federation-page";
import { OverviewPage } from "./pages/overview-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the console in Chromium", () => {
  it("shows both servers reached, with their counts, on the Overview", async () => {
    const overview = await OverviewPage.open(browser);
    // Which badge (Healthy or Degraded) each gets is the Overview spec's subject (overview-trust).
    for (const name of ["foo", "bar"]) {
      await overview.waitReachable(name);
      await expect(overview.serverCard(name).getByText(`${name}.example.com`).count()).resolves.toBeGreaterThan(0);
    }
    const entries = await spireServerJson<{ entries: unknown[] }>("foo", ["entry", "show"], stackState());
    const agents = await spireServerJson<{ agents: unknown[] }>("foo", ["agent", "list"], stackState());
    await expect(overview.count("foo", "Entries")).resolves.toBe(String(entries.entries.length));
    await expect(overview.count("foo", "Agents")).resolves.toBe(String(agents.agents.length));
    await expect(overview.count("foo", "Federated bundles")).resolves.toBe("1");
    await overview.screenshot("overview");
    await overview.close();
  });

  it("lists foo's entries in the table view and filters them through the URL", async () => {
    const entries = await EntriesPage.open(browser, "foo", { view: "table" });
    await entries.rows().first().waitFor();
    const all = await entries.rows().count();
    const cli = await spireServerJson<{ entries: unknown[] }>("foo", ["entry", "show"], stackState());
    expect(all).toBe(cli.entries.length);

    await entries.filter({ selectors: "k8s:ns:payments" });
    expect(entries.page.url()).toMatch(/selector=k8s%3Ans%3Apayments/);
    expect(entries.page.url()).toMatch(/view=table/);
    const filtered = await spireServerJson<{ entries: unknown[] | null }>(
      "foo",
      ["entry", "show", "-selector", "k8s:ns:payments"],
      stackState(),
    );
    expect(filtered.entries?.length ?? 0).toBeGreaterThan(0);
    await expect.poll(() => entries.rows().count()).toBe(filtered.entries?.length ?? 0);
    await entries.screenshot("entries-filtered");
    await entries.close();
  });

  it("shows a field error for a malformed SPIFFE ID filter without submitting", async () => {
    const entries = await EntriesPage.open(browser, "foo");
    const field = entries.filterField("spiffeId");
    await field.fill("spiffe://foo.example.com/a/../b");
    await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
    await entries.page.getByText("Path segments must not be '.' or '..'").waitFor();
    await expect(field.getAttribute("aria-describedby")).resolves.toBe("f-spiffe-id-error f-spiffe-id-hint");
    await expect(entries.button("Apply filters").isDisabled()).resolves.toBe(true);
    await entries.close();
  });

  it("lists the agents with their attestation type", async () => {
    const agents = await AgentsPage.open(browser, "foo");
    await agents.rows().first().waitFor();
    const cli = await spireServerJson<{ agents: unknown[] }>("foo", ["agent", "list"], stackState());
    expect(cli.agents.length).toBeGreaterThan(0);
    await expect(agents.rows().count()).resolves.toBe(cli.agents.length);
    await agents.page.getByText("x509pop").first().waitFor();
    await agents.screenshot("agents");
    await agents.close();
  });

  it("switches server with the header switcher", async () => {
    const federation = await FederationPage.open(browser, "foo");
    await federation.row("bar.example.com").waitFor();
    await federation.switchServer("bar");
    await federation.row("foo.example.com").waitFor();
    await expect(federation.rows().count()).resolves.toBe(1);
    await federation.screenshot("federation-bar");
    await federation.close();
  });
});
