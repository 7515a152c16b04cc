import { readFileSync } from "node:fs";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseEntryImport } from "@/lib/entries/import-export";
import { entryInputSchema } from "@/lib/schemas/entry-input";

import { type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";
import { EntriesPage } from "./pages/entries-page";
import { EntryDetailPage } from "./pages/entry-detail-page";
import { EntryFormPage } from "./pages/entry-form-page";
import { ImportPage } from "./pages/import-page";
import { launchBrowser } from "./support/browser";

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

describe("entry management in Chromium", () => {
  it("creates an entry through the form, edits its TTL and deletes it through the confirmation", async () => {
    const agent = stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
    const form = await EntryFormPage.openNew(browser, "foo", {
      parentId: agent,
      selectors: [{ type: "unix", value: "uid:8123" }],
    });
    await expect(form.field("Parent ID").inputValue()).resolves.toBe(agent);
    await expect(form.field("Selector 1").inputValue()).resolves.toBe("unix:uid:8123");

    await form.field("SPIFFE ID").fill(`/e2e/${run}/../web`);
    await form.page.getByText("Path segments must not be '.' or '..'").waitFor();
    await expect(form.field("SPIFFE ID").getAttribute("aria-invalid")).resolves.toBe("true");
    await form.field("SPIFFE ID").fill(`/e2e/${run}/web`);
    await expect(form.field("SPIFFE ID").getAttribute("aria-invalid")).resolves.toBe("false");

    await form.button("Add selector").click();
    await form.field("Selector 2").fill("k8s:ns:e2e");
    await form.field("X.509-SVID TTL").fill("2");
    await form.field("X.509-SVID TTL unit").selectOption("h");
    await form.field("DNS names").fill("web.e2e.example.com");
    await form.federatesWith("bar.example.com").check();
    await form.field("Hint").fill("e2e-form");
    await form.cliPreview().getByText("-x509SVIDTTL 7200", { exact: false }).waitFor();
    await form.screenshot("entry-create-form");

    await form.button("Create entry").click();
    await form.page.waitForURL(/\/entries\/[^/?]+\?server=foo$/);
    await form.toasts().getByText("Entry created on foo").waitFor();
    await form.toasts().getByText(`${prefix}/web`).waitFor();
    const [created] = await cliShow(["-spiffeID", `${prefix}/web`]);
    expect(created).toBeDefined();
    expect(form.page.url()).toContain(`/entries/${created!.id}?`);
    const detail = new EntryDetailPage(form.page);
    await detail.heading(`${prefix}/web`).waitFor();
    await detail.screenshot("entry-created-detail");
    await detail.close();

    const list = await EntriesPage.open(browser, "foo", { view: "table", spiffeId: `${prefix}/web` });
    await expect.poll(() => list.rows().count()).toBe(1);
    await list.row(`${prefix}/web`).waitFor();
    await list.screenshot("entry-created-in-list");
    await list.close();

    expect(idToString(created!.parent_id)).toBe(agent);
    expect(created!.selectors.map((s) => `${s.type}:${s.value}`).sort()).toEqual(["k8s:ns:e2e", "unix:uid:8123"]);
    expect(created!.x509_svid_ttl).toBe(7200);
    expect(created!.dns_names).toEqual(["web.e2e.example.com"]);
    expect(created!.federates_with).toEqual(["bar.example.com"]);
    expect(created!.hint).toBe("e2e-form");

    const edit = await EntryFormPage.openEdit(browser, "foo", created!.id);
    await expect(edit.field("X.509-SVID TTL").inputValue()).resolves.toBe("2");
    await edit.field("X.509-SVID TTL").fill("30");
    await edit.field("X.509-SVID TTL unit").selectOption("m");
    await edit.button("Save changes").click();
    // The toast names the field as the form labels it, and the page goes back to the entry.
    await edit.toasts().getByText("Saved X.509-SVID TTL").waitFor();
    await edit.toasts().getByText("is at revision 1.").waitFor();
    await edit.page.waitForURL(new RegExp(`/entries/${created!.id}\\?server=foo$`));
    await edit.screenshot("entry-edited");
    const [edited] = await cliShow(["-entryID", created!.id]);
    expect(edited!.x509_svid_ttl).toBe(1800);
    expect(edited!.revision_number).toBe("1");
    expect({ ...edited, x509_svid_ttl: 0, revision_number: "" }).toEqual({
      ...created,
      x509_svid_ttl: 0,
      revision_number: "",
    });

    const dialog = await edit.delete();
    await expect(edit.page.getByRole("alertdialog", { name: "Delete this entry?" }).count()).resolves.toBe(1);
    await dialog.children().getByText("No entries are parented").waitFor();
    await edit.screenshot("entry-delete-dialog");
    await dialog.confirm();
    await edit.page.waitForURL(/\/entries\?server=foo$/);
    await edit.toasts().getByText("Entry deleted from foo").waitFor();
    await expect(cliShow(["-spiffeID", `${prefix}/web`])).resolves.toEqual([]);
    await edit.close();
  });

  it("shows the agents a node alias covers before deleting it, and cancelling deletes nothing", async () => {
    const [alias] = await cliShow(["-spiffeID", `spiffe://${td}/node/fleet`]);
    const edit = await EntryFormPage.openEdit(browser, "foo", alias!.id);
    const dialog = await edit.delete();
    await dialog.agents().getByText("This is a node alias: 2 agents will lose it").waitFor();
    await dialog
      .children()
      .getByText(/entries are parented/)
      .waitFor();
    await edit.screenshot("entry-delete-node-alias");
    await dialog.cancel();
    await expect(dialog.root.isVisible()).resolves.toBe(false);
    // Focus goes back to the Delete button that opened the dialog.
    await expect(edit.button("Delete").evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    await expect(cliShow(["-entryID", alias!.id])).resolves.toHaveLength(1);
    await edit.close();
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
    const view = await ImportPage.open(browser, "foo");
    await view.chooseFile("entries.json", { entries: [...rows, ...bad] });
    await view.summary().getByText("52 rows (console format): 50 valid, 2 with problems (not sent).").waitFor();
    await expect(view.previewRows().count()).resolves.toBe(52);
    await view
      .previewRows()
      .nth(50)
      .getByText(/trust domain foo\.example\.com/)
      .waitFor();
    await view.screenshot("entry-import-preview");

    await view.button("Create 50 entries").click();
    await view.summary().getByText("Result: 50 created, 0 failed.").waitFor();
    await expect(
      view.page.getByTestId("import-row-status").getByText("created", { exact: true }).count(),
    ).resolves.toBe(50);
    await view.screenshot("entry-import-results");
    const imported = await cliShow(["-hint", hint]);
    expect(imported.map((e) => idToString(e.spiffe_id)).sort()).toEqual(rows.map((r) => r.spiffeId).sort());

    await view.filterByHint(hint);
    await expect.poll(() => view.bulkRows().count()).toBe(50);
    const [download] = await Promise.all([
      view.page.waitForEvent("download"),
      view.button("Export filtered list (JSON)").click(),
    ]);
    const exported = readFileSync((await download.path())!, "utf8");
    const reread = parseEntryImport(exported);
    if ("error" in reread) throw new Error(reread.error);
    expect(reread.format).toBe("spire-data");
    const inputs = reread.rows.map((r) => entryInputSchema().parse(r.input));
    expect(inputs.map((r) => r.spiffeId).sort()).toEqual(rows.map((r) => r.spiffeId).sort());
    expect(inputs.find((r) => r.spiffeId === rows[7]!.spiffeId)).toEqual(rows[7]);

    await view.page.getByLabel("Select all shown entries").check();
    await view.button("Delete selected (50)").click();
    await view.page
      .getByRole("alertdialog", { name: "Delete 50 entries?" })
      .getByRole("button", { name: "Delete 50" })
      .click();
    await view.bulkSummary().getByText("50 deleted, 0 failed.").waitFor();
    await view.screenshot("entry-bulk-deleted");
    await expect(cliShow(["-hint", hint])).resolves.toEqual([]);
    await view.close();
  });
});
