import "server-only";

import type { ServerConfig } from "@/lib/config/schema";
import { controllerManagedReasons } from "@/lib/entries/controller-managed";
import { resolveK8sClusters } from "@/lib/k8s/config";
import type { Entry } from "@/lib/spire/types";

/** The configured `entryIDPrefix`es of spire-controller-manager, over every cluster and deployment. */
function entryIdPrefixes(): string[] {
  const state = resolveK8sClusters();
  if (state.status !== "ok") return [];
  const prefixes = state.clusters.flatMap((c) =>
    c.status === "ok" ? c.deployments.map((d) => d.settings.controllerManager.entryIdPrefix) : [],
  );
  return [...new Set(prefixes.filter((p): p is string => Boolean(p)))];
}

/** Why spire-controller-manager owns an entry by its look: a configured ID prefix, then its shape. */
export function ownershipReasons(entry: Entry): string[] {
  const prefix = entryIdPrefixes().find((p) => entry.id.startsWith(`${p}.`));
  const byPrefix = prefix ? [`Its ID starts with spire-controller-manager's entryIDPrefix '${prefix}.'.`] : [];
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
