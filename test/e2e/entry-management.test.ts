import { readFileSync } from "node:fs";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { parseEntryImport } from "@/lib/entries/import-export";
import { entryInputSchema } from "../../lib/schemas/entry-input";
import { consoleFetch, stackState } from "../support/api";
import { launchBrowser, openConsole, saveScreenshot } from "./support/browser";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const td = "foo.example.com";
const prefix = `spiffe://${td}/e2e/${run}`;

async function cliShow(args: string[]): Promise<(CliEntry & { x509_svid_ttl: number; revision_number: string })[]> {
  return (
    (await spireServerJson<{ entries: never[] | null }>("foo", ["entry", "show", ...args], stackState())).entries ?? []
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  const left = (await cliShow([])).filter((e) => idToString(e.spiffe_id).startsWith(prefix));
  if (left.length) {
    await consoleFetch(`/api/servers/foo/entries/batch-delete`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ids: left.map((e) => e.id) }),
    });
  }
});

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

describe("entry management in Chromium", () => {
  it("creates an entry through the form, edits its TTL and deletes it through the confirmation", async () => {
    const agent = stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
    const page = await openConsole(
      browser,
      `/entries/new?server=foo&parentId=${encodeURIComponent(agent)}&selector=unix:uid:8123`,
    );
    await expect(field(page, "Parent ID").inputValue()).resolves.toBe(agent);
    await expect(field(page, "Selector 1").inputValue()).resolves.toBe("unix:uid:8123");

    await field(page, "SPIFFE ID").fill(`/e2e/${run}/../web`);
    await page.getByText("Path segments must not be '.' or '..'").waitFor();
    await expect(field(page, "SPIFFE ID").getAttribute("aria-invalid")).resolves.toBe("true");
    await field(page, "SPIFFE ID").fill(`/e2e/${run}/web`);
    await expect(field(page, "SPIFFE ID").getAttribute("aria-invalid")).resolves.toBe("false");

    await page.getByRole("button", { name: "Add selector" }).click();
    await field(page, "Selector 2").fill("k8s:ns:e2e");
    await field(page, "X.509-SVID TTL").fill("2");
    await field(page, "X.509-SVID TTL unit").selectOption("h");
    await field(page, "DNS names").fill("web.e2e.example.com");
    await page.getByRole("checkbox", { name: "bar.example.com" }).check();
    await field(page, "Hint").fill("e2e-form");
    await page.getByTestId("entry-preview-cli").getByText("-x509SVIDTTL 7200", { exact: false }).waitFor();
    await saveScreenshot(page, "entry-create-form");

    await page.getByRole("button", { name: "Create entry" }).click();
    await page.waitForURL(/\/entries\/[^/?]+\?server=foo$/);
    const [created] = await cliShow(["-spiffeID", `${prefix}/web`]);
    expect(created).toBeDefined();
    expect(page.url()).toContain(`/entries/${created!.id}?`);
    await page.getByRole("heading", { name: `${prefix}/web` }).waitFor();
    await saveScreenshot(page, "entry-created-detail");
    await page.goto(
      `${inject("consoleUrl")}/entries?server=foo&view=table&spiffeId=${encodeURIComponent(`${prefix}/web`)}`,
    );
    await expect.poll(() => page.getByTestId("entry-row").count()).toBe(1);
    await page.getByTestId("entry-row").getByText(`${prefix}/web`).waitFor();
    await saveScreenshot(page, "entry-created-in-list");

    expect(idToString(created!.parent_id)).toBe(agent);
    expect(created!.selectors.map((s) => `${s.type}:${s.value}`).sort()).toEqual(["k8s:ns:e2e", "unix:uid:8123"]);
    expect(created!.x509_svid_ttl).toBe(7200);
    expect(created!.dns_names).toEqual(["web.e2e.example.com"]);
    expect(created!.federates_with).toEqual(["bar.example.com"]);
    expect(created!.hint).toBe("e2e-form");

    await page.goto(`${inject("consoleUrl")}/entries/${created!.id}/edit?server=foo`);
    await expect(field(page, "X.509-SVID TTL").inputValue()).resolves.toBe("2");
    await field(page, "X.509-SVID TTL").fill("30");
    await field(page, "X.509-SVID TTL unit").selectOption("m");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved: x509SvidTtl (revision 1).").waitFor();
    await saveScreenshot(page, "entry-edited");
    const [edited] = await cliShow(["-entryID", created!.id]);
    expect(edited!.x509_svid_ttl).toBe(1800);
    expect(edited!.revision_number).toBe("1");
    expect({ ...edited, x509_svid_ttl: 0, revision_number: "" }).toEqual({
      ...created,
      x509_svid_ttl: 0,
      revision_number: "",
    });

    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete this entry?" });
    await dialog.getByTestId("blast-children").getByText("No entries are parented").waitFor();
    await saveScreenshot(page, "entry-delete-dialog");
    await dialog.getByRole("button", { name: "Delete entry" }).click();
    await page.waitForURL(/\/entries\?server=foo$/);
    await expect(cliShow(["-spiffeID", `${prefix}/web`])).resolves.toEqual([]);
    await page.close();
  });

  it("shows the agents a node alias covers before deleting it, and cancelling deletes nothing", async () => {
    const [alias] = await cliShow(["-spiffeID", `spiffe://${td}/node/fleet`]);
    const page = await openConsole(browser, `/entries/${alias!.id}/edit?server=foo`);
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByTestId("blast-agents").getByText("This is a node alias: 2 agents will lose it").waitFor();
    await dialog
      .getByTestId("blast-children")
      .getByText(/entries are parented/)
      .waitFor();
    await saveScreenshot(page, "entry-delete-node-alias");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(cliShow(["-entryID", alias!.id])).resolves.toHaveLength(1);
    await page.close();
  });

  it("imports a file of 50 entries with per-row validation, exports them back and deletes them with multi-select", async () => {
    const hint = `e2e-import-${run}`;
    const rows = Array.from({ length: 50 }, (_, i) => ({
      spiffeId: `${prefix}/import/svc-${i}`,
      parentId: `spiffe://${td}/node/fleet`,
      selectors: [{ type: "k8s", value: `ns:import-${i}` }],
      x509SvidTtl: 600 + i,
      hint,
    }));
    const bad = [
      { ...rows[0], spiffeId: `spiffe://bar.example.com/x` },
      { ...rows[1], selectors: [] },
    ];
    const page = await openConsole(browser, "/entries/import?server=foo");
    await page
      .getByLabel("Import file")
      .setInputFiles({
        name: "entries.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify({ entries: [...rows, ...bad] })),
      });
    await page
      .getByTestId("import-summary")
      .getByText("52 rows (console format): 50 valid, 2 with problems (not sent).")
      .waitFor();
    await expect(page.getByTestId("import-row").count()).resolves.toBe(52);
    await page
      .getByTestId("import-row")
      .nth(50)
      .getByText(/trust domain foo\.example\.com/)
      .waitFor();
    await saveScreenshot(page, "entry-import-preview");

    await page.getByRole("button", { name: "Create 50 entries" }).click();
    await page.getByTestId("import-summary").getByText("Result: 50 created, 0 failed.").waitFor();
    await expect(page.getByTestId("import-row-status").getByText("created", { exact: true }).count()).resolves.toBe(50);
    await saveScreenshot(page, "entry-import-results");
    const imported = await cliShow(["-hint", hint]);
    expect(imported.map((e) => idToString(e.spiffe_id)).sort()).toEqual(rows.map((r) => r.spiffeId).sort());

    await page.getByLabel("Hint", { exact: true }).fill(hint);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/hint=/);
    await expect.poll(() => page.getByTestId("bulk-row").count()).toBe(50);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export filtered list (JSON)" }).click(),
    ]);
    const exported = readFileSync((await download.path())!, "utf8");
    const reread = parseEntryImport(exported);
    if ("error" in reread) throw new Error(reread.error);
    expect(reread.format).toBe("spire-data");
    const inputs = reread.rows.map((r) => entryInputSchema().parse(r.input));
    expect(inputs.map((r) => r.spiffeId).sort()).toEqual(rows.map((r) => r.spiffeId).sort());
    expect(inputs.find((r) => r.spiffeId === rows[7]!.spiffeId)).toEqual(rows[7]);

    await page.getByLabel("Select all shown entries").check();
    await page.getByRole("button", { name: "Delete selected (50)" }).click();
    await page
      .getByRole("alertdialog", { name: "Delete 50 entries?" })
      .getByRole("button", { name: "Delete 50" })
      .click();
    await page.getByTestId("bulk-delete-summary").getByText("50 deleted, 0 failed.").waitFor();
    await saveScreenshot(page, "entry-bulk-deleted");
    await expect(cliShow(["-hint", hint])).resolves.toEqual([]);
    await page.close();
  });
});
