import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/agents/<id>`: one agent, its actions and the entries that reach it. */
export class AgentDetailPage extends ConsolePage {
  static async open(browser: Browser, server: string, spiffeId: string): Promise<AgentDetailPage> {
    return new AgentDetailPage(await openConsole(browser, links.agent(server, spiffeId)));
  }

  /** The lists of entries (direct, then one per covering alias). */
  entryLists(): Locator {
    return this.page.getByTestId("agent-entries");
  }
}
