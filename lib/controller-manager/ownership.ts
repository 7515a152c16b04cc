import "server-only";

import type { ServerConfig } from "@/lib/config/schema";
import { controllerManagedReasons } from "@/lib/entries/controller-managed";
import { resolveK8sConfig } from "@/lib/k8s/config";
import type { Entry } from "@/lib/spire/types";

/** The configured `entryIDPrefix` of spire-controller-manager, when Kubernetes is configured with one. */
function entryIdPrefix(): string | null {
  const state = resolveK8sConfig();
  return state.status === "ok" ? (state.settings.controllerManager.entryIdPrefix ?? null) : null;
}

/** Why spire-controller-manager owns an entry by its look: the configured ID prefix, then its shape. */
export function ownershipReasons(entry: Entry): string[] {
  const prefix = entryIdPrefix();
  const byPrefix =
    prefix && entry.id.startsWith(`${prefix}.`)
      ? [`Its ID starts with spire-controller-manager's entryIDPrefix '${prefix}.'.`]
      : [];
  return [...byPrefix, ...controllerManagedReasons(entry)];
}

/**
 * Why spire-controller-manager owns an entry of `server` (empty when it does not): its configured
 * ID prefix, and the shape it gives its entries (ID `<prefix>.<uuid>`, a k8s_psat parent with one
 * k8s:pod-uid selector). Cheap enough for every entry of a clean-up.
 */
export async function controllerOwnership(
  _server: ServerConfig,
  _trustDomain: string,
): Promise<(entry: Entry) => string[]> {
  return ownershipReasons;
}
