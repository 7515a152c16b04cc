import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { consoleFetch } from "../support/api";
import { expectRefused, plainEntry, send, td } from "../support/entry-writes";
import { ApiTokensPage } from "./pages/api-tokens-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type TokenSummary = { name: string; revokedAt: number | null; bindings: unknown };

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

  it("creates a bounded editor token through the form; the API then refuses an out-of-bounds entry, naming the key", async () => {
    const name = `e2e-bounded-${Date.now().toString(36)}`;
    const prefix = `${td}/team-a/${name}`;
    const view = await ApiTokensPage.open(browser);
    await view.field("Name").fill(name);
    await view.field("Role").selectOption("editor");
    await view.field("Servers (empty: all)").fill("foo");
    await view.field("SPIFFE-ID prefixes (editor, operator)").fill(prefix);
    await view.field("Parent ID prefixes").fill(`${td}/spire/agent`);
    await view.field("Selector prefixes").fill("nonsense");
    await view.field("Max X509-SVID TTL (seconds)").fill("3600");
    await view.field("Max JWT-SVID TTL (seconds)").fill("300");
    await view.button("Create token").click();
    // The route's schema, checked in the page: the mistake is shown next to its field, nothing is created.
    const selectorError = view.field("Selector prefixes");
    await expect.poll(() => selectorError.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await selectorError.getAttribute("aria-describedby"))!;
    await expect(view.page.locator(`[id="${describedBy.split(" ")[0]}"]`).textContent()).resolves.toMatch(/selector/i);
    expect(await tokenNamed(name)).toBeUndefined();

    await view.field("Selector prefixes").fill("unix:uid");
    await view.button("Create token").click();
    await view.newSecret().waitFor();
    const secret = (await view.newSecret().textContent())!;
    await view.close();
    expect((await tokenNamed(name))?.bindings).toEqual([
      {
        role: "editor",
        servers: ["foo"],
        spiffeIdPrefixes: [prefix],
        parentIdPrefixes: [`${td}/spire/agent`],
        selectorPrefixes: ["unix:uid"],
        maxX509SvidTtl: 3600,
        maxJwtSvidTtl: 300,
      },
    ]);

    await expectRefused(
      () => send(secret, "POST", "/api/servers/foo/entries", plainEntry(`${prefix}/ttl`, { x509SvidTtl: 86_400 })),
      /maxX509SvidTtl/,
    );
    await expectRefused(
      () => send(secret, "POST", "/api/servers/foo/entries", plainEntry(`${prefix}/store`, { storeSvid: true })),
      /storeSvid/,
    );
    const inBounds = await send(
      secret,
      "POST",
      "/api/servers/foo/entries",
      plainEntry(`${prefix}/ok`, { x509SvidTtl: 3600 }),
    );
    expect(inBounds.status, JSON.stringify(inBounds.body)).toBe(201);
    const removed = await consoleFetch("/api/servers/foo/entries/batch-delete", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ids: [inBounds.body.id] }),
    });
    expect(removed.status).toBe(200);
  });
});
