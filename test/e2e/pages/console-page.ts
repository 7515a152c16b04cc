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

  /** The toasts that confirm a change ("Entry created", "Agent banned", …). */
  toasts(): Locator {
    return this.page.getByTestId("toast");
  }

  /** Opens the command palette with Ctrl+K and returns its search box. */
  async openPalette(): Promise<Locator> {
    await this.page.locator("body").press("Control+k");
    const box = this.page.getByRole("combobox", { name: /Search entries, agents/ });
    await box.waitFor();
    return box;
  }

  /** The command palette's results (each has `data-kind`: page, entry, agent, pod, trustDomain). */
  searchResults(kind?: string): Locator {
    const all = this.page.getByTestId("search-result");
    return kind ? all.and(this.page.locator(`[data-kind="${kind}"]`)) : all;
  }

  /** The header's server scope: the switcher on per-server pages, "All servers" elsewhere. */
  serverScope(): Locator {
    return this.page.getByTestId("server-scope");
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
