import "server-only";

import type { ServerConfig } from "@/lib/config/schema";
import { controllerManagedReasons } from "@/lib/entries/controller-managed";
import type { Entry } from "@/lib/spire/types";

/**
 * Why spire-controller-manager owns an entry of `server` (empty when it does not): the shape it
 * gives its entries (ID prefix, a k8s_psat parent with one k8s:pod-uid selector).
 */
export async function controllerOwnership(
  _server: ServerConfig,
  _trustDomain: string,
): Promise<(entry: Entry) => string[]> {
  return (entry) => controllerManagedReasons(entry);
}
