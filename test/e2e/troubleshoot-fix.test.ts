// Issue 16, item 6: the troubleshooter's fix fixes. For the workload whose entry is parented to
// the agent of a node that no longer exists, the primary fix moves that entry (PATCH through the
// edit form); afterwards the diagnosis says the workload gets its SVID and exactly one entry has
// that SPIFFE ID. The seeded state is put back afterwards.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Entry } from "@/lib/spire/types";

import { TROUBLESHOOT_NAMESPACE, TROUBLESHOOT_PODS } from "../../scripts/k8s/seed-troubleshoot.ts";
import { type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";
import { EntryFormPage } from "./pages/entry-form-page";
import { TroubleshootPage } from "./pages/troubleshoot-page";
import { launchBrowser } from "./support/browser";

const STALE_ID = "spiffe://foo.example.com/troubleshoot/stale-node";
const pod = TROUBLESHOOT_PODS.find((p) => p.case === "stale-node")!.name;
const agentId = /^spiffe:\/\/foo\.example\.com\/spire\/agent\/k8s_psat\/demo\//;

let browser: Browser;
let seeded: CliEntry;
const entriesWithStaleId = async () =>
  (await spireServerJson<{ entries: CliEntry[] | null }>("foo", ["entry", "show", "-spiffeID", STALE_ID], stackState()))
    .entries ?? [];

beforeAll(async () => {
  browser = await launchBrowser();
  const found = await entriesWithStaleId();
  expect(found).toHaveLength(1);
  seeded = found[0]!;
});

afterAll(async () => {
  // Put the seeded stale parent back so the other troubleshooter tests see their case.
  const current = await consoleFetch(`/api/servers/foo/entries/${seeded.id}`);
  const entry = (await current.json()) as Entry;
  if (entry.parentId !== idToString(seeded.parent_id)) {
    const restored = await consoleFetch(`/api/servers/foo/entries/${seeded.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ revisionNumber: entry.revisionNumber, parentId: idToString(seeded.parent_id) }),
    });
    expect(restored.status).toBe(200);
  }
  await browser?.close();
});

describe("the troubleshooter's fix fixes", () => {
  it("moves the stale-parent entry to the node's agent, and the diagnosis turns green", async () => {
    const view = await TroubleshootPage.openPod(browser, "foo", TROUBLESHOOT_NAMESPACE, pod);
    await expect(view.verdict().getAttribute("data-status")).resolves.toBe("none");
    const reason = view.reasons().first();
    await expect(reason.getAttribute("data-code")).resolves.toBe("stale-parent");
    // Creating a new entry is only the alternative: it would leave the stale one behind.
    await reason.getByRole("link", { name: "Create under this node's agent" }).waitFor();
    await reason.getByRole("link", { name: "Edit the existing entry: move it to this node's agent" }).click();

    const form = new EntryFormPage(view.page);
    await form.heading("Edit entry").waitFor();
    await form.page.getByTestId("proposed-parent").waitFor();
    await expect(form.field("Parent ID").inputValue()).resolves.toMatch(agentId);
    await form.screenshot("troubleshoot-fix-edit-form");
    await form.button("Save changes").click();

    await form.toasts().getByText("Saved Parent ID").waitFor();
    await form.page.waitForURL((url) => url.pathname === "/troubleshoot" && url.searchParams.get("name") === pod);
    const after = new TroubleshootPage(form.page);
    await after.verdict().waitFor();
    // Usually green at once (the change drops the cached index); else the next read shows it.
    await expect
      .poll(
        async () => {
          const status = await after.verdict().getAttribute("data-status");
          if (status !== "ok") await after.page.reload();
          return status;
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe("ok");
    await after.verdict().getByText(`Gets SVIDs for: ${STALE_ID}`).waitFor();
    await after.screenshot("troubleshoot-fix-green");

    const remaining = await entriesWithStaleId();
    expect(remaining).toHaveLength(1);
    expect(remaining[0]!.id).toBe(seeded.id);
    expect(idToString(remaining[0]!.parent_id)).toMatch(agentId);
    expect(idToString(remaining[0]!.parent_id)).not.toBe(idToString(seeded.parent_id));
    await after.close();
  });
});
