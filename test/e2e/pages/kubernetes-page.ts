import type { Browser, Locator } from "playwright-core";

import { links } from "@/lib/links";

import { openConsole } from "../support/browser";
import { ConsolePage } from "./console-page";

/** `/kubernetes`: SPIRE's Kubernetes components, node by node, with the problems found. */
export class KubernetesPage extends ConsolePage {
  static async open(browser: Browser): Promise<KubernetesPage> {
    return new KubernetesPage(await openConsole(browser, links.kubernetes()));
  }

  nodeRows(): Locator {
    return this.page.getByTestId("k8s-node-row");
  }

  nodeRow(node: string): Locator {
    return this.page.locator(`[data-testid="k8s-node-row"][data-node="${node}"]`);
  }

  socketRow(namespace: string): Locator {
    return this.page.locator(`[data-testid="k8s-socket-row"][data-namespace="${namespace}"]`);
  }

  /** The problems list's items. */
  problems(): Locator {
    return this.page.getByTestId("k8s-problem");
  }

  /** One problem by its id (e.g. `csi-crashloop:...`). */
  problem(id: string): Locator {
    return this.page.locator(`[data-testid="k8s-problem"][data-problem-id="${id}"]`);
  }

  /** The deployments list's rows (cluster × namespace × server). */
  deploymentRow(cluster: string, deployment: string): Locator {
    return this.page.locator(
      `[data-testid="k8s-deployment-row"][data-cluster="${cluster}"][data-deployment="${deployment}"]`,
    );
  }
}
