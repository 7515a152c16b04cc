import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { waitForHydrated } from "../support/hydrated";
import { ConsolePage } from "./console-page";

/** `/entries/import`: import a file with a preview, export or bulk-delete a filtered list. */
export class ImportPage extends ConsolePage {
  static async open(browser: Browser, server: string): Promise<ImportPage> {
    return new ImportPage(await openConsole(browser, links.importEntries(server)));
  }

  /** Chooses a JSON file holding `content` in the file input. */
  async chooseFile(name: string, content: unknown): Promise<void> {
    const input = this.page.getByLabel("Import file");
    await waitForHydrated(input); // the file's change event must reach React's handler
    await input.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(content)) });
  }

  summary(): Locator {
    return this.page.getByTestId("import-summary");
  }

  /** The preview's rows, one per row of the file. */
  previewRows(): Locator {
    return this.page.getByTestId("import-row");
  }

  /** Filters the bulk list by hint and waits for the URL to carry it. */
  async filterByHint(hint: string): Promise<void> {
    await this.page.getByLabel("Hint", { exact: true }).fill(hint);
    await this.button("Apply filters").click();
    await this.page.waitForURL(/hint=/);
  }

  /** The rows of the filtered (bulk) list. */
  bulkRows(): Locator {
    return this.page.getByTestId("bulk-row");
  }

  bulkSummary(): Locator {
    return this.page.getByTestId("bulk-delete-summary");
  }
}
