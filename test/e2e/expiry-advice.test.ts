// Issue 16, item 5: expiry that says what to do: the thresholds stated, each item saying whether
// SPIRE renews it by itself and what to do, linked to where it is handled, and stacked points on
// the timeline reachable and listed.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AuthoritiesPage } from "./pages/authorities-page";
import { ExpiryPage } from "./pages/expiry-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("expiry that says what to do", () => {
  it("states the thresholds and, per item, who renews it and what to do", async () => {
    const view = await ExpiryPage.open(browser);
    await view.items().first().waitFor();
    await view.page.getByTestId("expiry-thresholds").getByText("less than 24 hours left").waitFor();
    const entry = view.items().filter({ hasText: "spiffe://foo.example.com/billing/db-migrator" }).first();
    await expect(entry.getAttribute("data-renewal")).resolves.toBe("operator");
    await entry.getByText("Yours to renew.").waitFor();
    const agentSvid = view.items().filter({ hasText: "agent SVID" }).first();
    await expect(agentSvid.getAttribute("data-renewal")).resolves.toBe("spire");
    await agentSvid.getByText("renews its SVID by itself").waitFor();
    // Within each urgency, sooner first.
    const rows = await view
      .items()
      .evaluateAll((items) =>
        items.map((i) => [i.getAttribute("data-urgency"), i.querySelector("time")?.getAttribute("datetime")]),
      );
    const rank = ["expired", "critical", "warning", "ok"];
    for (let i = 1; i < rows.length; i++) {
      const [u0, t0] = rows[i - 1]!;
      const [u1, t1] = rows[i]!;
      expect(rank.indexOf(u0!)).toBeLessThanOrEqual(rank.indexOf(u1!));
      if (u0 === u1) expect(Date.parse(t0!)).toBeLessThanOrEqual(Date.parse(t1!));
    }
    await view.close();
  });

  it("links a CA to the authorities page of its server", async () => {
    const view = await ExpiryPage.open(browser);
    await view.items().first().waitFor();
    await view.items().filter({ hasText: "foo X.509 CA (active)" }).getByRole("link").click();
    await view.page.waitForURL((url) => url.pathname === "/authorities" && url.searchParams.get("server") === "foo");
    const authorities = new AuthoritiesPage(view.page);
    await authorities.heading("Authorities of foo").waitFor();
    await authorities.slot("active").first().waitFor();
    await authorities.screenshot("authorities-foo");
    await authorities.close();
  });

  it("draws agent SVIDs that expire together as one point with a count, which lists them", async () => {
    const view = await ExpiryPage.open(browser);
    await view.timeline().waitFor();
    const stacked = view.timelinePoints().and(view.page.locator(":not([data-count='1'])"));
    await stacked.first().waitFor();
    const count = Number(await stacked.first().getAttribute("data-count"));
    expect(count).toBeGreaterThan(1);
    await stacked.first().focus();
    await view.page.keyboard.press("Enter");
    const listed = view.page.getByTestId("timeline-selection");
    await listed.getByText(`${count} items at this point`).waitFor();
    await expect(listed.getByTestId("expiry-item").count()).resolves.toBe(count);
    await view.screenshot("expiry-stacked-point");
    await view.close();
  });
});
