import type { Locator, Page } from "playwright-core";

/** The confirmation before deleting one entry, with what the delete affects. */
export class DeleteEntryDialog {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByRole("alertdialog");
  }

  /** The line about entries parented to this one. */
  children(): Locator {
    return this.root.getByTestId("blast-children");
  }

  /** The line about agents that lose a node alias. */
  agents(): Locator {
    return this.root.getByTestId("blast-agents");
  }

  confirm(): Promise<void> {
    return this.root.getByRole("button", { name: "Delete entry" }).click();
  }

  cancel(): Promise<void> {
    return this.root.getByRole("button", { name: "Cancel" }).click();
  }
}
