import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/agents`: one server's attested agents with Ban and Evict. */
export class AgentsPage extends ConsolePage {
  static async open(browser: Browser, server: string): Promise<AgentsPage> {
    return new AgentsPage(await openConsole(browser, links.agents(server)));
  }

  rows(): Locator {
    return this.page.getByTestId("agent-row");
  }

  row(spiffeId: string): Locator {
    return this.page.locator(`[data-testid="agent-row"][data-spiffe-id="${spiffeId}"]`);
  }

  /** The open confirmation dialog (Ban or Evict). */
  dialog(): Locator {
    return this.page.getByRole("alertdialog");
  }
}
