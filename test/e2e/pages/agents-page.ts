import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/agents`: one server's attested agents with Ban and Evict. */
export class AgentsPage extends ConsolePage {
  static async open(browser: Browser, server: string): Promise<AgentsPage> {
    return new AgentsPage(await openConsole(browser, links.agents(server)));
  }

  /** Filters by part of the SPIFFE ID through the filter form; resolves once the URL carries it. */
  async filterById(part: string): Promise<void> {
    await this.page.getByRole("form", { name: "Agent filters" }).getByLabel("SPIFFE ID contains").fill(part);
    await this.button("Apply filters").click();
    await this.page.waitForURL(/spiffeIdContains=/);
  }

  rows(): Locator {
    return this.page.getByTestId("agent-row");
  }

  row(spiffeId: string): Locator {
    return this.page.locator(`[data-testid="agent-row"][data-spiffe-id="${spiffeId}"]`);
  }

  /** Opens a row's Actions menu (Ban, Evict) unless it is open already. */
  async openRowMenu(spiffeId: string): Promise<void> {
    const toggle = this.row(spiffeId).getByRole("button", { name: `Actions for ${spiffeId}` });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  }

  /** The open confirmation dialog (Ban or Evict). */
  dialog(): Locator {
    return this.page.getByRole("alertdialog");
  }
}
