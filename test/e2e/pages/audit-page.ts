import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/audit`: the audit log (admins), filtered, each change with its diff. */
export class AuditPage extends ConsolePage {
  static async open(browser: Browser, query: Record<string, string> = {}): Promise<AuditPage> {
    return new AuditPage(await openConsole(browser, links.audit(query)));
  }

  rows(): Locator {
    return this.page.getByTestId("audit-row");
  }

  /** Opens the diff of a row and returns it. */
  async diffOf(row: Locator): Promise<Locator> {
    await row.getByText("Changes").click();
    return row.getByTestId("record-diff");
  }
}
