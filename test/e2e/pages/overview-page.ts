import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/`: server health cards, problems, nearest expiries and the federation summary. */
export class OverviewPage extends ConsolePage {
  static async open(browser: Browser): Promise<OverviewPage> {
    return new OverviewPage(await openConsole(browser, links.overview()));
  }

  serverCard(name: string): Locator {
    return this.page.getByTestId(`server-card-${name}`);
  }

  /** Waits until the card of `name` shows `status` (Healthy, Degraded or Down). */
  async waitStatus(name: string, status: "Healthy" | "Degraded" | "Down"): Promise<void> {
    await this.serverCard(name)
      .getByTestId("server-status")
      .getByText(status, { exact: true })
      .waitFor({ timeout: 60_000 });
  }

  /** Waits until the card of `name` shows the server reached and its problems read (Healthy or Degraded). */
  async waitReachable(name: string): Promise<void> {
    await this.page
      .locator(`[data-testid="server-card-${name}"]:is([data-state="healthy"], [data-state="degraded"])`)
      .waitFor({ timeout: 60_000 });
  }

  /** Why the card of `name` shows its status. */
  statusReason(name: string): Locator {
    return this.serverCard(name).getByTestId("server-status-reason");
  }

  /** The number a server card shows under `label` (Entries, Agents, Federated bundles). */
  count(name: string, label: string): Promise<string | null> {
    return this.serverCard(name).locator(`dt:text-is('${label}') + dd`).textContent();
  }

  /** The problems list's items; `source` narrows to spire, federation, expiry, kubernetes or attestation. */
  problems(source?: string): Locator {
    const all = this.page.getByTestId("problem");
    return source ? all.and(this.page.locator(`[data-source="${source}"]`)) : all;
  }
}
