import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/entries/<id>`: an entry's fields, parent chain, children, CLI command and matching pods. */
export class EntryDetailPage extends ConsolePage {
  static async open(browser: Browser, server: string, id: string): Promise<EntryDetailPage> {
    return new EntryDetailPage(await openConsole(browser, links.entry(server, id)));
  }

  fields(): Locator {
    return this.page.getByTestId("entry-fields");
  }

  cli(): Locator {
    return this.page.getByTestId("entry-cli");
  }

  parentChain(): Locator {
    return this.page.getByTestId("parent-chain");
  }

  podsPanel(): Locator {
    return this.page.getByTestId("entry-pods-panel");
  }

  /** Opens the History tab: the changes made to the entry through the console. */
  async history(): Promise<Locator> {
    await this.page.getByRole("tab", { name: "History" }).click();
    return this.page.getByTestId("entry-history");
  }
}
