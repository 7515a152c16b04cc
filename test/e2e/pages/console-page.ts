// What every page object shares: the playwright page, the header's server switcher, headings,
// screenshots and closing.
import type { Locator, Page } from "playwright-core";

import { closePage, saveScreenshot } from "../support/browser";

export class ConsolePage {
  constructor(readonly page: Page) {}

  /** A heading by its accessible name. */
  heading(name: string | RegExp): Locator {
    return this.page.getByRole("heading", { name });
  }

  /** A button by its accessible name (exact). */
  button(name: string | RegExp): Locator {
    return this.page.getByRole("button", { name, exact: typeof name === "string" });
  }

  /** Chooses another server in the header and waits for the URL to carry it. */
  async switchServer(name: string): Promise<void> {
    await this.page.getByLabel("SPIRE server").selectOption(name);
    await this.page.waitForURL(new RegExp(`server=${name}`));
  }

  /** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
  async screenshot(name: string): Promise<void> {
    await saveScreenshot(this.page, name);
  }

  /** Closes the page and its browser context. */
  close(): Promise<void> {
    return closePage(this.page);
  }
}
