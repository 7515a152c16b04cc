import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { consoleFetch } from "../support/api";
import { ApiTokensPage } from "./pages/api-tokens-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type TokenSummary = { name: string; revokedAt: number | null };

async function tokenNamed(name: string): Promise<TokenSummary | undefined> {
  const response = await consoleFetch("/api/tokens");
  const { tokens } = (await response.json()) as { tokens: TokenSummary[] };
  return tokens.find((t) => t.name === name);
}

describe("API tokens in Chromium", () => {
  it("creates a token, shows its secret once, and revokes it only after its name is typed", async () => {
    const name = `e2e-${Date.now().toString(36)}`;
    const view = await ApiTokensPage.open(browser);
    await view.field("Name").fill(name);
    await view.field("Role").selectOption("viewer");
    await view.button("Create token").click();
    await view.newSecret().waitFor();
    const secret = (await view.newSecret().textContent())!;
    expect(secret.length).toBeGreaterThanOrEqual(16);
    const asToken = await consoleFetch("/api/servers", { headers: { authorization: `Bearer ${secret}` } });
    expect(asToken.status).toBe(200);
    await view.row(name).getByText("active", { exact: true }).waitFor();

    await view
      .row(name)
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    const confirm = view.dialog().getByRole("button", { name: "Revoke token" });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await view.dialog().getByLabel(`Type ${name} to confirm`).fill(`${name}x`);
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await view.dialog().getByLabel(`Type ${name} to confirm`).fill(name);
    await confirm.click();
    await view
      .row(name)
      .getByText(/^revoked /)
      .waitFor();
    await view.screenshot("api-tokens-revoked");
    expect((await tokenNamed(name))?.revokedAt).toEqual(expect.any(Number));
    const revoked = await consoleFetch("/api/servers", { headers: { authorization: `Bearer ${secret}` } });
    expect(revoked.status).toBe(401);
    await view.close();
  });
});
