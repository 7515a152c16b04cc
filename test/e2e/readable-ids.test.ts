// Issue 16, item 4: IDs the operator can read and copy: cut in the middle (trust domain and tail
// kept), the full value on hover and focus, and copy buttons that put the full value on the
// clipboard.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { FOO_FLEET_ALIAS } from "../../scripts/stack/seed-foo.ts";
import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { AgentsPage } from "./pages/agents-page";
import { EntryDetailPage } from "./pages/entry-detail-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fooAgent = () => stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId;

describe("IDs you can read and copy", () => {
  it("copy puts an agent's full SPIFFE ID on the clipboard", async () => {
    const view = await AgentsPage.open(browser, "foo");
    await view.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const row = view.row(fooAgent());
    await row.waitFor();
    await row.getByRole("button", { name: "Copy SPIFFE ID" }).click();
    await row.getByText("Copied", { exact: true }).waitFor();
    await expect(view.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(fooAgent());
    await view.close();
  });

  it("keeps the trust domain and the tail of a long ID in view, and shows the whole ID on hover and focus", async () => {
    const view = await AgentsPage.open(browser, "foo");
    const link = view.row(fooAgent()).getByRole("link");
    await link.waitFor();
    await expect(link.getAttribute("title")).resolves.toBe(fooAgent());
    const tail = fooAgent().slice(-10);
    // The tail is its own box that is never cut; the start is cut with an ellipsis when it must be.
    await expect(link.locator("span").last().textContent()).resolves.toBe(tail);
    await expect(
      link
        .locator('span[aria-hidden="true"]')
        .first()
        .evaluate((el) => getComputedStyle(el).textOverflow),
    ).resolves.toBe("ellipsis");
    await view.row(fooAgent()).getByRole("button", { name: "Copy SPIFFE ID" }).focus();
    const tooltip = view.row(fooAgent()).locator(`[data-full="${fooAgent()}"]`);
    await expect(tooltip.isVisible()).resolves.toBe(true);
    await view.close();
  });

  it("copies an entry's ID, selectors and CLI command on its page", async () => {
    const [alias] = (
      await spireServerJson<{ entries: CliEntry[] }>(
        "foo",
        ["entry", "show", "-spiffeID", FOO_FLEET_ALIAS],
        stackState(),
      )
    ).entries;
    const view = await EntryDetailPage.open(browser, "foo", alias!.id);
    await view.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const clipboard = () => view.page.evaluate(() => navigator.clipboard.readText());
    await view.fields().getByRole("button", { name: "Copy entry ID" }).click();
    await expect.poll(clipboard).toBe(alias!.id);
    await view.fields().getByRole("button", { name: "Copy selectors" }).click();
    await expect.poll(clipboard).toBe(alias!.selectors.map((s) => `${s.type}:${s.value}`).join("\n"));
    await view.page.getByRole("button", { name: "Copy command" }).click();
    await expect.poll(clipboard).toContain(`-spiffeID ${FOO_FLEET_ALIAS}`);
    await view.screenshot("entry-copy-buttons");
    await view.close();
  });
});
