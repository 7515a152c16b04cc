import "server-only";

import type { ServerConfig } from "@/lib/config/schema";
import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { awaitIndexWalks, readEntryIndex, requestIndexWalk } from "@/lib/entries/entry-index-cache";
import { findActiveCa } from "@/lib/expiry/active-ca";
import { getLocalAuthorities } from "@/lib/spire/authorities";
import { getBundle, listFederatedBundles } from "@/lib/spire/bundles";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

import { buildLiveView } from "./build-live-view";
import type { LiveView } from "./plan-entry-changes";
import type { DeclaredEntry, EntrySetOwns } from "./types";

/**
 * What a plan compares against, from the server's compact entry index (never one unbounded SPIRE
 * call): only the live entries in scope or named by the file (by ID or SPIFFE ID) become objects.
 * `refresh` first waits for a new walk, for a plan that must see changes made outside the console.
 */
export async function readLiveView(
  server: ServerConfig,
  declared: readonly DeclaredEntry[],
  owns: EntrySetOwns,
  refresh: boolean,
): Promise<LiveView & { trustDomain: string; index: CompactEntryIndex }> {
  const trustDomain = await serverTrustDomain(server);
  let index = await readEntryIndex(server, trustDomain);
  if (refresh) {
    requestIndexWalk(server.name);
    await awaitIndexWalks(server.name);
    index = await readEntryIndex(server, trustDomain);
  }
  const [bundles, own, authorities] = await Promise.all([
    listFederatedBundles(server),
    getBundle(server),
    getLocalAuthorities(server).catch(() => null),
  ]);
  const view = buildLiveView(index, declared, owns, {
    federatedTrustDomains: new Set(bundles.map((b) => b.trustDomain)),
    activeCa: findActiveCa(own.x509Authorities, authorities?.x509.active?.expiresAt ?? null),
    now: Date.now(),
  });
  return { ...view, trustDomain, index };
}
