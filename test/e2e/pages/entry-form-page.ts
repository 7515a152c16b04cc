import type { Browser, Locator } from "playwright-core";

import { links, type NewEntryPrefill } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";
import { DeleteEntryDialog } from "./delete-entry-dialog";

/** `/entries/new` and `/entries/<id>/edit`: the entry form, its preview and (on edit) Delete. */
export class EntryFormPage extends ConsolePage {
  static async openNew(browser: Browser, server: string, prefill: NewEntryPrefill = {}): Promise<EntryFormPage> {
    return new EntryFormPage(await openConsole(browser, links.newEntry(server, prefill)));
  }

  static async openEdit(
    browser: Browser,
    server: string,
    id: string,
    user: "admin" | "editor" | "viewer" = "admin",
  ): Promise<EntryFormPage> {
    return new EntryFormPage(await openConsole(browser, links.editEntry(server, id), user));
  }

  /** A form control by its exact label ("SPIFFE ID", "Selector 2", "X.509-SVID TTL unit", ...). */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The "federates with" checkbox of a trust domain. */
  federatesWith(trustDomain: string): Locator {
    return this.page.getByRole("checkbox", { name: trustDomain });
  }

  /** The equivalent `spire-server entry create` command of the preview. */
  cliPreview(): Locator {
    return this.page.getByTestId("entry-preview-cli");
  }

  /** Opens the delete confirmation (edit page only). */
  async delete(): Promise<DeleteEntryDialog> {
    await this.button("Delete").click();
    return new DeleteEntryDialog(this.page);
  }
}
