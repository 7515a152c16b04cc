import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/federation`: the graph across servers and the selected server's relationships. */
export class FederationPage extends ConsolePage {
  static async open(browser: Browser, server: string): Promise<FederationPage> {
    return new FederationPage(await openConsole(browser, links.federation(server)));
  }

  /** The arrow "`from` fetches the bundle of `to`" in the graph. */
  edge(from: string, to: string): Locator {
    return this.page.locator(`[data-testid="federation-edge"][data-from="${from}"][data-to="${to}"]`);
  }

  /** The selected server's relationship rows. */
  rows(): Locator {
    return this.page.getByTestId("federation-row");
  }

  /** The relationship row of the federated trust domain `trustDomain`. */
  row(trustDomain: string): Locator {
    return this.rows().filter({ has: this.page.getByText(trustDomain, { exact: true }) });
  }

  /** The freshness cell of the relationship with `trustDomain` (data-stale, data-not-serving). */
  freshness(trustDomain: string): Locator {
    return this.row(trustDomain).getByTestId("freshness");
  }
}
