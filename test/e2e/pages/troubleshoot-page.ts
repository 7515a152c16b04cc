import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/troubleshoot`: pick a pod (or enter selectors) and read why it does or does not get SVIDs. */
export class TroubleshootPage extends ConsolePage {
  static async open(browser: Browser, server: string): Promise<TroubleshootPage> {
    return new TroubleshootPage(await openConsole(browser, links.troubleshoot({ server })));
  }

  /** Opens the diagnosis of one pod directly by URL. */
  static async openPod(browser: Browser, server: string, namespace: string, name: string): Promise<TroubleshootPage> {
    return new TroubleshootPage(await openConsole(browser, links.troubleshootPod(server, namespace, name)));
  }

  /** Picks a pod through the searchable list, the way a user does, and waits for its diagnosis. */
  async pick(namespace: string, name: string): Promise<void> {
    await this.page.getByLabel("Pod", { exact: true }).fill(name);
    await this.page
      .getByRole("list", { name: "Pods" })
      .getByRole("link", { name: new RegExp(`${namespace}/${name}`) })
      .click();
    await this.heading(new RegExp(`Pod ${namespace}/${name}`)).waitFor();
  }

  verdict(): Locator {
    return this.page.getByTestId("verdict");
  }

  /** The verdict's reasons, most likely first. */
  reasons(): Locator {
    return this.page.getByTestId("reason");
  }

  check(name: string): Locator {
    return this.page.getByTestId(`check-${name}`);
  }
}
