import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/settings/tokens` (admins): create API tokens, see the secret once, revoke them. */
export class ApiTokensPage extends ConsolePage {
  static async open(browser: Browser): Promise<ApiTokensPage> {
    return new ApiTokensPage(await openConsole(browser, links.apiTokens()));
  }

  /** A field of the "New token" form by its label. */
  field(label: string): Locator {
    return this.page.getByRole("form", { name: "New token" }).getByLabel(label, { exact: true });
  }

  /** The secret shown once after creating a token. */
  newSecret(): Locator {
    return this.page.getByTestId("new-token");
  }

  row(name: string): Locator {
    return this.page.getByRole("table", { name: "API tokens" }).getByRole("row").filter({ hasText: name });
  }

  /** The open revoke confirmation. */
  dialog(): Locator {
    return this.page.getByRole("alertdialog");
  }
}
