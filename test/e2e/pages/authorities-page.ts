import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/authorities`: one server's X.509 CA and JWT key slots and its trust bundle. */
export class AuthoritiesPage extends ConsolePage {
  static async open(browser: Browser, server: string): Promise<AuthoritiesPage> {
    return new AuthoritiesPage(await openConsole(browser, links.authorities(server)));
  }

  /** The rows of a slot (active, prepared, old) in the X.509 and JWT tables. */
  slot(slot: "active" | "prepared" | "old"): Locator {
    return this.page.getByTestId(`authority-${slot}`);
  }
}
