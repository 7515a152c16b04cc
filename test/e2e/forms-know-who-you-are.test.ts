// Issue 29, item 3, as the editor of team A does it: the new-entry form says where they may write, starts there,
// and says at the field, before anything is sent, when the SPIFFE ID or a DNS name is outside their scope; Admin
// is not offered, with the reason. "Your access" lists their roles, servers, scope and session expiry; the server
// switcher offers only the servers their bindings cover; a page they may not open is drawn inside the console.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { links } from "../../lib/links";
import { FOO_TEAM_A_PREFIX } from "../../scripts/stack/seed-foo.ts";
import { ConsolePage } from "./pages/console-page";
import { EntryFormPage } from "./pages/entry-form-page";
import { launchBrowser, openConsole } from "./support/browser";
import { pageErrors } from "./support/page-errors";

/** Team A's prefix as the config keeps it (without the trailing slash). */
const teamA = FOO_TEAM_A_PREFIX.replace(/\/$/, "");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the entry form knows the editor's scope", () => {
  it("shows the scope, starts at the allowed prefix and marks out-of-scope input at the field before submitting", async () => {
    const form = new EntryFormPage(await openConsole(browser, links.newEntry("foo"), "editor"));
    const scope = form.page.getByTestId("entry-scope");
    await scope.waitFor();
    expect(await scope.textContent()).toContain(teamA);
    expect(await scope.textContent()).toContain("team-a.svc.cluster.local");
    const id = form.field("SPIFFE ID");
    await expect(id.inputValue()).resolves.toBe("/team-a/");
    await expect(id.getAttribute("aria-invalid")).resolves.not.toBe("true");

    const admin = form.page.getByRole("checkbox", { name: "Admin" });
    await expect(admin.isDisabled()).resolves.toBe(true);
    await form.page.getByText(/Not for you: editors may not create or change admin entries/).waitFor();

    let posts = 0;
    form.page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/entries")) posts += 1;
    });
    await id.fill("/team-b/api");
    await form.page.getByText(/spiffe:\/\/foo\.example\.com\/team-b\/api is outside your SPIFFE-ID scope/).waitFor();
    await expect(id.getAttribute("aria-invalid")).resolves.toBe("true");
    await form.screenshot("issue-29-entry-form-scope-error-1440");

    await id.fill("/team-a/api-e2e");
    await expect.poll(() => id.getAttribute("aria-invalid")).not.toBe("true");
    const dns = form.field("DNS names");
    await dns.fill("api.evil.example");
    await form.page.getByText(/DNS name api\.evil\.example is outside your DNS suffixes/).waitFor();
    await expect(dns.getAttribute("aria-invalid")).resolves.toBe("true");
    await form.button("Create entry").click();
    await form.page.waitForTimeout(300);
    expect(posts, "nothing is sent while a field is out of scope").toBe(0);
    expect(pageErrors(form.page)).toEqual([]);
    await form.close();
  });
});

describe("pages that know who you are", () => {
  it("'Your access' lists the editor's role, servers, prefixes, DNS suffixes and session expiry", async () => {
    const view = new ConsolePage(await openConsole(browser, links.access(), "editor"));
    await view.heading("Your access").waitFor();
    const binding = view.page.getByTestId("access-binding");
    await expect(binding.count()).resolves.toBe(1);
    const text = (await binding.textContent()) ?? "";
    expect(text).toContain("editor");
    expect(text).toContain(teamA);
    expect(text).toContain("team-a.svc.cluster.local");
    expect(text).toContain("create, change or delete entries");
    expect(text).not.toMatch(/entries\.write/);
    expect(await view.page.getByTestId("access-servers").textContent()).toBe("Servers you may see: foo.");
    expect(await view.page.getByTestId("access-expiry").textContent()).toMatch(/Your session ends .* at the latest/);
    await view.screenshot("issue-29-your-access-1440");
    await view.close();
  });

  it("offers the editor only the servers their bindings cover", async () => {
    const view = new ConsolePage(await openConsole(browser, links.entries("foo"), "editor"));
    const options = view.page.getByLabel("SPIRE server").locator("option");
    await options.first().waitFor({ state: "attached" });
    await expect(options.allTextContents()).resolves.toEqual(["foo (foo.example.com)"]);
    await view.close();
  });

  it("draws a page the editor may not open inside the console, with the way back", async () => {
    const view = new ConsolePage(await openConsole(browser, links.overview(), "editor"));
    const response = await view.page.goto(`${inject("consoleUrl")}${links.entries("bar")}`);
    expect(response?.status()).toBe(403);
    await view.heading("You may not open this page").waitFor();
    await view.page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Agents" }).waitFor();
    await view.page.getByText(/it needs a role that may read entries here/).waitFor();
    await view.close();
  });
});
