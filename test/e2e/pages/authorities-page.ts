import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/authorities`: one server's X.509 CA and JWT key slots, its trust bundle and the rotation cockpit. */
export class AuthoritiesPage extends ConsolePage {
  static async open(browser: Browser, server: string): Promise<AuthoritiesPage> {
    return new AuthoritiesPage(await openConsole(browser, links.authorities(server)));
  }

  /** The rows of a slot (active, prepared, old) in the X.509 and JWT tables. */
  slot(slot: "active" | "prepared" | "old"): Locator {
    return this.page.getByTestId(`authority-${slot}`);
  }

  /** Shows the cockpit's tab of one kind and returns its panel. */
  async rotationPanel(kind: "x509" | "jwt"): Promise<Locator> {
    await this.page.getByRole("tab", { name: kind === "x509" ? "X.509" : "JWT", exact: true }).click();
    const panel = this.page.getByTestId(`rotation-${kind}`);
    await panel.waitFor();
    return panel;
  }

  /** One step's card (prepare, activate, taint, revoke) in a kind's panel. */
  step(panel: Locator, step: string): Locator {
    return panel.locator(`[data-testid="rotation-step"][data-step="${step}"]`);
  }

  /** The "who holds" row of the watched spire-bundle ConfigMap in a kind's panel. */
  configMapRow(panel: Locator, cluster = "demo"): Locator {
    return panel
      .locator('[data-testid="bundle-copy"][data-kind="configmap"]')
      .filter({ hasText: `(cluster ${cluster})` });
  }

  /** Clicks a step's button and confirms it in the dialog (typing the confirmation where asked). */
  async runStep(panel: Locator, step: string, onConfirm?: (dialog: Locator) => Promise<void>): Promise<void> {
    const card = this.step(panel, step);
    const button = card.getByRole("button").first();
    await button.click();
    const dialog = this.page.getByRole("alertdialog");
    await dialog.waitFor();
    await onConfirm?.(dialog);
    const typed = dialog.getByLabel(/to confirm/);
    if (await typed.count()) {
      const word = await dialog.locator("label code").textContent();
      await typed.fill(word ?? "");
    }
    await dialog.getByRole("button", { name: (await button.textContent()) ?? "", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
  }
}
