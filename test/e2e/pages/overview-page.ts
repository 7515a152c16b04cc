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

  /** Waits until the card of `name` says Healthy. */
  async waitHealthy(name: string): Promise<void> {
    await this.serverCard(name).getByText("Healthy", { exact: true }).waitFor();
  }

  /** The number a server card shows under `label` (Entries, Agents, Federated bundles). */
  count(name: string, label: string): Promise<string | null> {
    return this.serverCard(name).locator(`dt:text-is('${label}') + dd`).textContent();
  }

  problems(): Locator {
    return this.page.getByTestId("problem");
  }
}
