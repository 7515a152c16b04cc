// Issue 15, item 1, in the browser: an admin rotates foo's X.509 and JWT authorities through the
// cockpit's buttons; every step is witnessed with `spire-server localauthority ... show` and
// `bundle show`, and a step whose precondition does not hold yet cannot be pressed and says why.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { consoleFetch, stackUp } from "../support/api";
import {
  cliAuthorities,
  cliBundle,
  type Kind,
  publishBundleConfigMap,
  rotationView,
  waitUntilAllowed,
} from "../support/rotation";
import { AuthoritiesPage } from "./pages/authorities-page";
import { launchBrowser } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
// As in the integration test: re-export foo's bundle for agents that bootstrap later.
afterAll(async () => {
  await browser?.close();
  stackUp();
}, 60_000);

/** bar fetches foo's bundle now, as the cockpit's partner refresh does. */
async function refreshBarsCopy(): Promise<void> {
  const res = await consoleFetch("/api/servers/bar/federations/foo.example.com/refresh", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  expect(res.status).toBe(204);
}

async function rotateThroughUi(kind: Kind): Promise<void> {
  const start = await rotationView(kind);
  expect(["idle", "revoked"]).toContain(start.phase);
  const original = start.slots.active!.authorityId;
  // The watched spire-bundle ConfigMap holds foo's bundle as it is now (the stack has no notifier).
  if (kind === "x509") await publishBundleConfigMap();
  const view = await AuthoritiesPage.open(browser, "foo");
  const panel = await view.rotationPanel(kind);
  await expect.poll(() => panel.getAttribute("data-phase")).toBe(start.phase);

  // 1. prepare
  await view.runStep(panel, "prepare");
  await expect.poll(async () => (await cliAuthorities(kind)).prepared?.authority_id, { timeout: 10_000 }).toBeTruthy();
  const fresh = (await cliAuthorities(kind)).prepared!.authority_id;
  expect((await cliBundle(kind)).map((a) => a.id)).toEqual(expect.arrayContaining([original, fresh]));
  await expect.poll(() => panel.getAttribute("data-phase"), { timeout: 10_000 }).toBe("prepared");
  // The slot tables above the cockpit are read again too.
  const table = kind === "x509" ? 0 : 1;
  await expect.poll(() => view.slot("prepared").nth(table).textContent(), { timeout: 10_000 }).toContain(fresh);

  // Activate waits: agents have not fetched the new bundle twice yet, so a required check fails
  // and the button cannot be pressed; the check says what it waits for.
  const activate = view.step(panel, "activate");
  await expect(activate.locator('[data-testid="step-check"][data-state="fail"]').count()).resolves.toBeGreaterThan(0);
  await expect(activate.getByRole("button").first().isDisabled()).resolves.toBe(true);
  await expect((await cliAuthorities(kind)).active?.authority_id).toBe(original);
  await view.screenshot(`rotation-${kind}-prepared`);

  // The operator's question "who still lacks it?": for X.509 the ConfigMap row says no, and the activate
  // step names it among what it waits for, with how SPIRE updates it.
  if (kind === "x509") {
    const row = view.configMapRow(panel);
    await expect(row.textContent()).resolves.toMatch(/ConfigMap spire\/spire-bundle.*k8sbundle notifier/);
    await expect(row.locator("td").nth(2).textContent()).resolves.toBe("no");
    const blocking = activate.locator(
      '[data-testid="step-check"][data-check="holds:configmap:ConfigMap spire/spire-bundle (cluster demo)"]',
    );
    await expect(blocking.getAttribute("data-state")).resolves.toBe("fail");
    await expect(blocking.textContent()).resolves.toMatch(/holds the prepared authority.*Holds it: no/);
  }

  // 2. activate, once bar (and for X.509 the ConfigMap) holds the new authority and agents have synced.
  await refreshBarsCopy();
  if (kind === "x509") {
    await publishBundleConfigMap();
    await expect
      .poll(() => view.configMapRow(panel).locator("td").nth(2).textContent(), { timeout: 10_000 })
      .toBe("yes");
  }
  await waitUntilAllowed(kind, "activate", 30_000);
  await expect.poll(() => activate.getByRole("button").first().isEnabled(), { timeout: 15_000 }).toBe(true);
  await view.runStep(panel, "activate", async (dialog) => {
    // The confirmation says what breaks and for whom.
    await expect(dialog.getByTestId("step-consequence").textContent()).resolves.toMatch(
      new RegExp(`lacks ${fresh} rejects them`),
    );
  });
  await expect
    .poll(
      async () => {
        const cli = await cliAuthorities(kind);
        return [cli.active?.authority_id, cli.old?.authority_id];
      },
      { timeout: 10_000 },
    )
    .toEqual([fresh, original]);

  // 3. taint the old one (typed confirmation).
  await waitUntilAllowed(kind, "taint", 30_000);
  const taint = view.step(panel, "taint");
  await expect.poll(() => taint.getByRole("button").first().isEnabled(), { timeout: 15_000 }).toBe(true);
  await view.runStep(panel, "taint");
  await expect.poll(async () => (await cliBundle(kind)).find((a) => a.id === original)?.tainted).toBe(true);

  // 4. revoke it once nothing uses it.
  await waitUntilAllowed(kind, "revoke", 60_000);
  const revoke = view.step(panel, "revoke");
  await expect.poll(() => revoke.getByRole("button").first().isEnabled(), { timeout: 15_000 }).toBe(true);
  await view.runStep(panel, "revoke");
  await expect.poll(async () => (await cliBundle(kind)).map((a) => a.id)).toEqual([fresh]);
  expect((await cliAuthorities(kind)).active?.authority_id).toBe(fresh);
  await expect.poll(() => panel.getAttribute("data-phase"), { timeout: 10_000 }).toBe("revoked");
  // Finished steps show a tick with who and when, no failed preconditions; the history lists the revoke.
  await expect.poll(() => panel.getByTestId("step-done").count(), { timeout: 10_000 }).toBe(4);
  await expect(panel.getByTestId("step-done").last().textContent()).resolves.toMatch(
    /^✓Done by .+ \(through this console\)\.$/,
  );
  await expect(panel.getByTestId("step-check").count()).resolves.toBe(0);
  await expect(panel.getByTestId("rotation-history-item").last().textContent()).resolves.toMatch(/^Revoked .* by /);
  await view.screenshot(`rotation-${kind}-revoked`);
  await view.close();
}

describe("CA rotation in the browser", () => {
  it("rotates foo's X.509 authority with the cockpit's buttons", () => rotateThroughUi("x509"), 240_000);
  it("rotates foo's JWT authority with the cockpit's buttons", () => rotateThroughUi("jwt"), 180_000);
});
