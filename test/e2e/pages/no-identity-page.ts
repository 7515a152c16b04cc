import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/kubernetes/no-identity`: per cluster, the pods with no identity, the suppressed ones and the rules. */
export class NoIdentityPage extends ConsolePage {
  static async open(browser: Browser, user: "admin" | "editor" | "viewer" = "admin"): Promise<NoIdentityPage> {
    return new NoIdentityPage(await openConsole(browser, links.noIdentity(), user));
  }

  /** One cluster's section. */
  cluster(name: string): Locator {
    return this.page.locator(`[data-testid="no-identity-cluster"][data-cluster="${name}"]`);
  }

  /** A pod's row in its cluster's table, by `namespace/name`. */
  row(cluster: string, pod: string): Locator {
    return this.cluster(cluster).locator(`[data-testid="no-identity-row"][data-pod="${pod}"]`);
  }

  /** The cluster's folded list of suppressed pods. */
  suppressed(cluster: string): Locator {
    return this.cluster(cluster).getByTestId("no-identity-suppressed");
  }

  /** The rules table's rows. */
  rules(): Locator {
    return this.page.getByTestId("suppression-row");
  }
}
