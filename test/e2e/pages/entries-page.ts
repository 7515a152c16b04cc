import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

export type EntryFilterValues = { spiffeId?: string; parentId?: string; selectors?: string; hint?: string };

const filterLabels: Record<keyof EntryFilterValues, string> = {
  spiffeId: "SPIFFE ID",
  parentId: "Parent ID",
  selectors: "Selectors (space-separated type:value)",
  hint: "Hint",
};

/** `/entries`: the tree (default) or the table (`view=table`) of one server's entries, with filters. */
export class EntriesPage extends ConsolePage {
  static async open(browser: Browser, server: string, query: Record<string, string> = {}): Promise<EntriesPage> {
    return new EntriesPage(await openConsole(browser, links.entries(server, query)));
  }

  /** A field of the filter form by its label. */
  filterField(name: keyof EntryFilterValues): Locator {
    return this.page.getByRole("form", { name: "Entry filters" }).getByLabel(filterLabels[name], { exact: true });
  }

  /** Fills the given filters and applies them; resolves once the URL has changed. */
  async filter(values: EntryFilterValues): Promise<void> {
    const before = this.page.url();
    for (const [name, value] of Object.entries(values))
      await this.filterField(name as keyof EntryFilterValues).fill(value);
    await this.button("Apply filters").click();
    await this.page.waitForURL((url) => url.toString() !== before);
  }

  /** The table view's rows. */
  rows(): Locator {
    return this.page.getByTestId("entry-row");
  }

  /** The table row of the entry with `spiffeId`. */
  row(spiffeId: string): Locator {
    return this.rows().filter({ hasText: spiffeId });
  }

  tree(): Locator {
    return this.page.getByRole("tree");
  }

  /** The tree row of a node (agent, alias, entry) by its SPIFFE ID. */
  treeRow(spiffeId: string): Locator {
    return this.page.locator(`[data-testid="tree-row"][data-spiffe-id="${spiffeId}"]`);
  }

  /** Expands a tree row with its toggle button. */
  async expand(spiffeId: string): Promise<void> {
    await this.treeRow(spiffeId).getByRole("button", { name: "Expand" }).click();
  }

  /** The row the keyboard is on. */
  activeTreeRow(): Locator {
    return this.page.locator('[role="treeitem"][aria-selected="true"]');
  }
}
