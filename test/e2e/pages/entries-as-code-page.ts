import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole, type ViewOptions } from "../support/browser";
import { waitForHydrated } from "../support/hydrated";
import { ConsolePage } from "./console-page";

/** `/entries/code`: the watched entry sets, a file to plan and apply, the applied plans. */
export class EntriesAsCodePage extends ConsolePage {
  static async open(
    browser: Browser,
    server: string,
    user: "admin" | "editor" | "viewer" = "admin",
    view: ViewOptions = {},
  ): Promise<EntriesAsCodePage> {
    return new EntriesAsCodePage(await openConsole(browser, links.entriesAsCode(server), user, view));
  }

  /** The card of a watched set, by its name. */
  set(name: string): Locator {
    return this.page.getByTestId("entry-set").filter({ has: this.page.getByRole("heading", { name, exact: true }) });
  }

  /** Pastes a file into the plan form and asks for its plan. */
  async plan(text: string): Promise<void> {
    const box = this.page.getByLabel(/^Entries as code/);
    await waitForHydrated(box);
    await box.fill(text);
    await this.button("Plan").click();
    await this.planView().waitFor();
  }

  planView(): Locator {
    return this.page.getByTestId("plan-view");
  }

  summary(): Locator {
    return this.page.getByTestId("plan-summary");
  }

  /** The plan's changes, one row per entry (not the watched sets' drift, listed with the same rows). */
  changes(): Locator {
    return this.page.getByRole("list", { name: /^Changes of plan / }).getByTestId("plan-change");
  }

  applyResult(): Locator {
    return this.page.getByTestId("apply-result");
  }

  /** The table of applied plans. */
  history(): Locator {
    return this.page.getByRole("table", { name: /Plans applied on/ });
  }
}
