import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/expiry`: the timeline, the most urgent expiries and the TTL warnings. */
export class ExpiryPage extends ConsolePage {
  static async open(browser: Browser): Promise<ExpiryPage> {
    return new ExpiryPage(await openConsole(browser, links.expiry()));
  }

  items(): Locator {
    return this.page.getByTestId("expiry-item");
  }

  timeline(): Locator {
    return this.page.getByTestId("expiry-timeline");
  }

  /** The timeline's dots (one per expiry, or one per stack of expiries too close to tell apart). */
  timelinePoints(): Locator {
    return this.page.getByTestId("timeline-point");
  }
}
