// Entries as code in Chromium: the admin pastes an EntrySet, reads its plan (summary, field diffs),
// applies it, sees the toast with its audit link and the applied plan in the history; the
// spire-server CLI witnesses the change. A viewer sees Apply disabled with the reason. The page
// passes axe. The file owns its own SPIFFE-ID prefix, so no other test's entries are in scope.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";

import { type CliEntry, spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { cliHasEntry } from "../support/cleanup";
import { EntriesAsCodePage } from "./pages/entries-as-code-page";
import { EntryDetailPage } from "./pages/entry-detail-page";
import { findAxeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
import { pageErrors } from "./support/page-errors";

let browser: Browser;
const run = Date.now().toString(36);
const prefix = `spiffe://foo.example.com/code-e2e-${run}`;
const ids = { api: `code-e2e-${run}-api`, db: `code-e2e-${run}-db`, extra: `code-e2e-${run}-extra` };

function file(apiTtl: number, federationRelationships?: object[], extra = false) {
  const parentId = stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
  return stringify({
    apiVersion: "spire-console/v1",
    kind: "EntrySet",
    metadata: { name: `e2e-${run}` },
    spec: {
      server: "foo",
      owns: { entryIdPrefix: `code-e2e-${run}-`, spiffeIdPrefixes: [`${prefix}/`] },
      entries: [
        {
          id: ids.api,
          spiffeId: `${prefix}/api`,
          parentId,
          selectors: [{ type: "unix", value: "uid:7101" }],
          x509SvidTtl: apiTtl,
        },
        { id: ids.db, spiffeId: `${prefix}/db`, parentId, selectors: [{ type: "unix", value: "uid:7102" }] },
        ...(extra
          ? [{ id: ids.extra, spiffeId: `${prefix}/extra`, parentId, selectors: [{ type: "unix", value: "uid:7103" }] }]
          : []),
      ],
      ...(federationRelationships ? { federationRelationships } : {}),
    },
  });
}

const cliEntry = async (id: string) =>
  (await spireServerJson<{ entries: CliEntry[] | null }>("foo", ["entry", "show", "-entryID", id])).entries?.[0];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const id of Object.values(ids)) await spireServer("foo", ["entry", "delete", "-entryID", id]).catch(() => "");
  await browser?.close();
});

describe("entries as code in Chromium", () => {
  it("pastes a file, reads the plan, applies it, and links the toast to the audit log", async () => {
    const view = await EntriesAsCodePage.open(browser, "foo");
    await view.heading("Watched sets").waitFor();
    await view.set("stack-watch").waitFor();

    await view.plan(file(3600));
    await expect(view.summary().textContent()).resolves.toBe("2 to add, 0 to change, 0 to delete");
    await expect(view.changes().count()).resolves.toBe(2);
    await expect(view.changes().first().textContent()).resolves.toContain(`${prefix}/api`);
    expect(await findAxeViolations(view.page)).toEqual([]);

    await view.button("Apply").click();
    const toast = view.toasts().filter({ hasText: "Plan applied: 2 to add, 0 to change, 0 to delete" });
    await toast.waitFor();
    const audit = toast.getByRole("link", { name: "Audit log" });
    const planId = /target=([0-9A-Z]{26})/.exec((await audit.getAttribute("href")) ?? "")?.[1];
    expect(planId).toBeDefined();
    await expect(view.applyResult().textContent()).resolves.toContain("2 applied, 0 failed");
    expect((await cliEntry(ids.api))?.spiffe_id.path).toBe(`/code-e2e-${run}/api`);
    await view.history().getByRole("link", { name: planId! }).waitFor();

    // A change of one field: the plan shows it before → after.
    await view.plan(file(900));
    await expect(view.summary().textContent()).resolves.toBe("0 to add, 1 to change, 0 to delete");
    const change = view.changes().first();
    await expect(change.getByRole("row", { name: /x509SvidTtl/ }).textContent()).resolves.toMatch(/3600.*900/);
    await view.screenshot("entries-as-code-plan");

    await audit.click();
    await view.page.waitForURL(new RegExp(`/audit\\?target=${planId}`));
    await view.page.getByTestId("audit-row").filter({ hasText: "plan.apply" }).first().waitFor();
    expect(pageErrors(view.page)).toEqual([]);
    await view.close();
  });

  it("lists the federation relationships a plan would add and the live ones it leaves unmanaged", async () => {
    const view = await EntriesAsCodePage.open(browser, "foo");
    const partner = `code-e2e-${run}.example.com`;
    await view.plan(
      file(3600, [
        {
          trustDomain: partner,
          bundleEndpointUrl: "https://127.0.0.1:9/",
          bundleEndpointProfile: { type: "https_web" },
        },
      ]),
    );
    await expect(view.summary().textContent()).resolves.toBe("1 to add, 0 to change, 0 to delete");
    const federation = view.page.getByTestId("plan-federation");
    await expect(federation.getByRole("heading").textContent()).resolves.toMatch(
      /1 to change · 0 unchanged · unmanaged .*bar\.example\.com/,
    );
    const change = federation.getByTestId("plan-federation-change");
    await expect(change.textContent()).resolves.toMatch(
      new RegExp(`add${partner.replaceAll(".", "\\.")}.*https://127\\.0\\.0\\.1:9/ \\(https_web\\)`),
    );
    expect(await findAxeViolations(view.page)).toEqual([]);
    await view.close();
  });

  it("exports an entry's subtree as code from its detail page (a download of an EntrySet)", async () => {
    const detail = await EntryDetailPage.open(browser, "foo", ids.api);
    const link = detail.page.getByRole("link", { name: "Export subtree as code" });
    const href = await link.getAttribute("href");
    expect(href).toContain(`parentId=${encodeURIComponent(`${prefix}/api`)}`);
    const response = await detail.page.request.get(new URL(href!, detail.page.url()).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment/);
    expect(await response.text()).toMatch(/kind: EntrySet/);
    await detail.close();
  });

  it("shows a viewer the plan with Apply disabled and the reason, on a phone in the dark theme", async () => {
    const view = await EntriesAsCodePage.open(browser, "foo", "viewer", { width: 390, colorScheme: "dark" });
    await view.plan(file(1800));
    await view.page.getByText(/Not allowed: .*viewer/).waitFor();
    await expect(view.button("Apply").getAttribute("aria-disabled")).resolves.toBe("true");
    expect(await findAxeViolations(view.page)).toEqual([]);
    await view.screenshot("entries-as-code-viewer-phone-dark");
    await view.close();
  });

  it("undoes an apply from the page: reviews the plan that reverses it, then applies it past the guard", async () => {
    const view = await EntriesAsCodePage.open(browser, "foo");
    await view.plan(file(3600, undefined, true));
    await expect(view.summary().textContent()).resolves.toBe("1 to add, 0 to change, 0 to delete");
    await view.button("Apply").click();
    await expect(view.applyResult().textContent()).resolves.toContain("1 applied, 0 failed");
    expect((await cliEntry(ids.extra))?.spiffe_id.path).toBe(`/code-e2e-${run}/extra`);

    await view.button("Review the undo plan").click();
    await view.page.getByTestId("plan-summary").filter({ hasText: "0 to add, 0 to change, 1 to delete" }).waitFor();
    await expect(view.changes().first().textContent()).resolves.toContain(`${prefix}/extra`);
    // One delete in a scope of three trips the mass-delete guard (over 10%): the override is asked for.
    await view.page.getByTestId("mass-delete-guard").waitFor();
    await view.page.getByLabel(/Delete 1 of \d+ entries in scope anyway/).check();
    await view.button("Apply").click();
    await expect(view.applyResult().textContent()).resolves.toContain("1 applied, 0 failed");
    await expect(cliHasEntry(ids.extra)).resolves.toBe(false);
    expect((await cliEntry(ids.api))?.spiffe_id.path).toBe(`/code-e2e-${run}/api`);
    expect(pageErrors(view.page)).toEqual([]);
    await view.close();
  });
});
