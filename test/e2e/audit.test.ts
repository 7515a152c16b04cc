// The audit trail as users see it: an editor changes an entry's TTL through the form; the admin
// finds the change on /audit and in the entry's History tab, with the diff.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { consoleFetch, stackState } from "../support/api";
import { AuditPage } from "./pages/audit-page";
import { EntryDetailPage } from "./pages/entry-detail-page";
import { EntryFormPage } from "./pages/entry-form-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
let entryId = "";
const spiffeId = `spiffe://foo.example.com/team-a/audit-e2e-${Date.now().toString(36)}`;

beforeAll(async () => {
  browser = await launchBrowser();
  const agentId = stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;
  const created = await consoleFetch("/api/servers/foo/entries", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      spiffeId,
      parentId: agentId,
      selectors: [{ type: "unix", value: "user:team-a-audit" }],
      x509SvidTtl: 3600,
    }),
  });
  expect(created.status).toBe(201);
  entryId = ((await created.json()) as { id: string }).id;
});
afterAll(async () => {
  await consoleFetch(`/api/servers/foo/entries/${entryId}`, { method: "DELETE" });
  await browser?.close();
});

describe("the audit trail in Chromium", () => {
  it("shows an editor's TTL change to the admin on /audit and in the entry's History, with the diff", async () => {
    const form = await EntryFormPage.openEdit(browser, "foo", entryId, "editor");
    await form.field("X.509-SVID TTL").fill("15");
    await form.field("X.509-SVID TTL unit").selectOption("m");
    await form.button("Save changes").click();
    await form.page.getByRole("status").filter({ hasText: /Saved/ }).waitFor();
    await form.close();

    const audit = await AuditPage.open(browser, { target: entryId, action: "entry.update" });
    await expect(audit.rows().count()).resolves.toBe(1);
    const row = audit.rows().first();
    await row.getByText("Eddie Editor (oidc)").waitFor();
    const diff = await audit.diffOf(row);
    await expect(diff.textContent()).resolves.toMatch(/x509SvidTtl\s*3600\s*→\s*900/);
    await audit.screenshot("audit-editor-ttl-change");
    await audit.close();

    const detail = await EntryDetailPage.open(browser, "foo", entryId);
    const history = await detail.history();
    const change = history.getByRole("listitem").filter({ hasText: "entry.update" });
    await change.getByText("by Eddie Editor").waitFor();
    // The History says it in the form's words.
    await expect(change.getByTestId("record-diff").textContent()).resolves.toMatch(/X\.509-SVID TTL\s*1h\s*→\s*15m/);
    await expect(history.getByRole("listitem").filter({ hasText: "entry.create" }).count()).resolves.toBe(1);
    await detail.screenshot("entry-history");
    await detail.close();
  });
});
