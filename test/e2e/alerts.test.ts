// The Alerts page in Chromium (issue 25 item 4): an operator's view of a console whose alerts.destinations allow a
// loopback receiver this test runs. A rule and a webhook sink are created through the page's forms, "Send test"
// delivers a signed body the receiver checks, and the delivery log on the page shows it. axe-core checks the page.
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { type RunningConsole, startConsole } from "../support/console-server";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { findAxeViolations } from "./support/axe";
import { launchBrowser, saveScreenshot } from "./support/browser";

let browser: Browser;
let own: RunningConsole;
let hook: WebhookReceiver;
const key = "e2e-signing-key-0123456789abcdef";

beforeAll(async () => {
  [browser, hook] = await Promise.all([launchBrowser(), startWebhookReceiver()]);
  const stackConfig = JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as object;
  const config = path.join(mkdtempSync(path.join(tmpdir(), "alerts-e2e-")), "console.json");
  writeFileSync(config, JSON.stringify({ ...stackConfig, alerts: { destinations: [`${hook.url}/`] } }));
  own = await startConsole({ SPIRE_CONSOLE_CONFIG: config, SPIRE_CONSOLE_ALERTS: "off" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await own?.stop();
  await hook?.close();
});

/** Opens /alerts of our own console in a fresh context that sends the run's admin token. */
async function openAlerts(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    extraHTTPHeaders: { authorization: `Bearer ${inject("consoleToken")}` },
  });
  const page = await context.newPage();
  await page.goto(`${own.url}/alerts`);
  await page.getByRole("heading", { name: "Alerts", level: 1 }).waitFor();
  return page;
}

const form = (page: Page, name: string) => page.getByRole("form", { name });

describe("the Alerts page in Chromium", () => {
  it("creates a rule and a webhook sink, sends a test, and shows the delivery", async () => {
    const page = await openAlerts();
    const rule = form(page, "New rule");
    await rule.getByLabel("Name", { exact: true }).fill("Servers down");
    await rule.getByLabel("Watches").selectOption("server-down");
    await rule.getByLabel("Severity").selectOption("critical");
    await rule.getByRole("button", { name: "Create rule" }).click();
    const ruleRow = page
      .getByRole("table", { name: "Alert rules" })
      .getByRole("row")
      .filter({ hasText: "Servers down" });
    await ruleRow.waitFor();
    await expect(ruleRow.textContent()).resolves.toMatch(/server-down.*all.*repeat 240 min.*enabled/);

    const sink = form(page, "New sink");
    await sink.getByLabel("Name", { exact: true }).fill("Pager hook");
    await sink.getByLabel("URL").fill("http://127.0.0.1:1/elsewhere");
    await sink.getByRole("button", { name: "Create sink" }).click();
    // Outside alerts.destinations: refused, and said next to the URL field.
    await expect.poll(() => sink.getByLabel("URL").getAttribute("aria-invalid"), { timeout: 15_000 }).toBe("true");
    await sink.getByLabel("URL").fill(`${hook.url}/pager/secret-path`);
    await sink.getByLabel(/Signing key/).fill(key);
    await sink.getByRole("button", { name: "Create sink" }).click();
    const sinkRow = page.getByRole("table", { name: "Alert sinks" }).getByRole("row").filter({ hasText: "Pager hook" });
    await sinkRow.waitFor();
    // The URL's path and the key are never shown back.
    await expect(sinkRow.textContent()).resolves.toContain(`${hook.url}/…`);
    await expect(page.content()).resolves.not.toContain("secret-path");
    await expect(page.content()).resolves.not.toContain(key);

    await sinkRow.getByRole("button", { name: "Send test" }).click();
    await page.getByRole("status").filter({ hasText: "Test delivered (HTTP 204, attempt 1)." }).waitFor();
    expect(hook.received).toHaveLength(1);
    const [got] = hook.received;
    expect(got!.path).toBe("/pager/secret-path");
    expect(JSON.parse(got!.body)).toMatchObject({ kind: "test", sink: "Pager hook", alerts: [{ severity: "info" }] });
    const signature = `sha256=${createHmac("sha256", key).update(got!.body).digest("hex")}`;
    expect(got!.headers["x-spire-console-signature"]).toBe(signature);

    const delivery = page
      .getByRole("table", { name: "Delivery log" })
      .getByRole("row")
      .filter({ hasText: "Pager hook" });
    await delivery.waitFor();
    await expect(delivery.textContent()).resolves.toMatch(/test \(1 alert\).*1.*ok.*HTTP 204/);
    await saveScreenshot(page, "alerts-delivered");
    expect(await findAxeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
