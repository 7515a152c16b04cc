import { existsSync } from "node:fs";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { launchBrowser, openConsole, saveScreenshot } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the console in Chromium", () => {
  it("shows both servers healthy with their counts on the Overview", async () => {
    const page = await openConsole(browser, "/");
    for (const name of ["foo", "bar"]) {
      const card = page.getByTestId(`server-card-${name}`);
      await card.getByText("Healthy", { exact: true }).waitFor();
      await expect(card.getByText(`${name}.example.com`).count()).resolves.toBeGreaterThan(0);
    }
    const entries = await spireServerJson<{ entries: unknown[] }>("foo", ["entry", "show"], stackState());
    const fooEntries = page.getByTestId("server-card-foo").locator("dt:text-is('Entries') + dd");
    await expect(fooEntries.textContent()).resolves.toBe(String(entries.entries.length));
    expect(existsSync(await saveScreenshot(page, "overview"))).toBe(true);
    await page.close();
  });

  it("lists foo's entries in the table view and filters them through the URL", async () => {
    const page = await openConsole(browser, "/entries?server=foo&view=table");
    await page.getByTestId("entry-row").first().waitFor();
    const all = await page.getByTestId("entry-row").count();
    const cli = await spireServerJson<{ entries: unknown[] }>("foo", ["entry", "show"], stackState());
    expect(all).toBe(cli.entries.length);

    await page.getByLabel("Selectors (space-separated type:value)").fill("k8s:ns:payments");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/selector=k8s%3Ans%3Apayments/);
    const filtered = await spireServerJson<{ entries: unknown[] | null }>(
      "foo",
      ["entry", "show", "-selector", "k8s:ns:payments"],
      stackState(),
    );
    await expect.poll(() => page.getByTestId("entry-row").count()).toBe(filtered.entries?.length ?? 0);
    await saveScreenshot(page, "entries-filtered");
    await page.close();
  });

  it("shows a field error for a malformed SPIFFE ID filter without submitting", async () => {
    const page = await openConsole(browser, "/entries?server=foo");
    await page.getByLabel("SPIFFE ID").fill("spiffe://foo.example.com/a/../b");
    await expect(page.getByLabel("SPIFFE ID").getAttribute("aria-invalid")).resolves.toBe("true");
    await page.getByText("Path segments must not be '.' or '..'").waitFor();
    await expect(page.getByRole("button", { name: "Apply filters" }).isDisabled()).resolves.toBe(true);
    await page.close();
  });

  it("lists the agents with their attestation type", async () => {
    const page = await openConsole(browser, "/agents?server=foo");
    await page.getByTestId("agent-row").first().waitFor();
    const cli = await spireServerJson<{ agents: unknown[] }>("foo", ["agent", "list"], stackState());
    await expect(page.getByTestId("agent-row").count()).resolves.toBe(cli.agents.length);
    await page.getByText("x509pop").first().waitFor();
    await saveScreenshot(page, "agents");
    await page.close();
  });

  it("switches server with the header switcher", async () => {
    const page = await openConsole(browser, "/federation?server=foo");
    await page.getByTestId("federation-row").getByText("bar.example.com", { exact: true }).first().waitFor();
    await page.getByLabel("SPIRE server").selectOption("bar");
    await page.waitForURL(/server=bar/);
    await page.getByTestId("federation-row").getByText("foo.example.com", { exact: true }).first().waitFor();
    await saveScreenshot(page, "federation-bar");
    await page.close();
  });
});
