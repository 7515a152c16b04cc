import "server-only";

import type { ServerConfig } from "@/lib/config/schema";
import { awaitIndexWalks, getEntryIndex, requestIndexWalk } from "@/lib/entries/entry-index-cache";
import { findActiveCa } from "@/lib/expiry/active-ca";
import { getLocalAuthorities } from "@/lib/spire/authorities";
import { getBundle, listFederatedBundles } from "@/lib/spire/bundles";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Entry } from "@/lib/spire/types";

import { inOwnedScope, type LiveView } from "./compute-plan";
import { entryKey } from "./declared-entry";
import type { DeclaredEntry, EntrySetOwns } from "./types";

/**
 * What a plan compares against, from the server's compact entry index (never one unbounded SPIRE
 * call): only the live entries in scope or named by the file (by ID or SPIFFE ID) become objects.
 * `refresh` first waits for a new walk, for a plan that must see changes made outside the console.
 */
export async function loadLiveView(
  server: ServerConfig,
  declared: readonly DeclaredEntry[],
  owns: EntrySetOwns,
  refresh: boolean,
): Promise<LiveView & { trustDomain: string; indexBuiltAt: number }> {
  const trustDomain = await serverTrustDomain(server);
  let index = await getEntryIndex(server, trustDomain);
  if (refresh) {
    requestIndexWalk(server.name);
    await awaitIndexWalks(server.name);
    index = await getEntryIndex(server, trustDomain);
  }
  const [bundles, own, authorities] = await Promise.all([
    listFederatedBundles(server),
    getBundle(server),
    getLocalAuthorities(server).catch(() => null),
  ]);
  const ids = new Set(declared.flatMap((d) => (d.id ? [d.id] : [])));
  const spiffeIds = new Set(declared.map((d) => d.spiffeId));
  const columns = index.columns;
  const byId = new Map<string, Entry>();
  const byKey = new Map<string, Entry>();
  const inScope: Entry[] = [];
  for (const slot of index.liveSlots()) {
    const id = columns.idAt(slot);
    const spiffeId = columns.nodes.text(columns.spiffe.data[slot]!);
    const scoped = inOwnedScope({ id, spiffeId }, owns);
    if (!scoped && !ids.has(id) && !spiffeIds.has(spiffeId)) continue;
    const entry = columns.entryAt(slot);
    byId.set(id, entry);
    byKey.set(entryKey(entry), entry);
    if (scoped) inScope.push(entry);
  }
  let children: Map<string, string[]> | null = null;
  const childrenOf = (spiffeId: string) => {
    if (!children) {
      children = new Map();
      for (const slot of index.liveSlots()) {
        const parent = columns.nodes.text(columns.parent.data[slot]!);
        const list = children.get(parent);
        if (list) list.push(columns.idAt(slot));
        else children.set(parent, [columns.idAt(slot)]);
      }
    }
    return children.get(spiffeId) ?? [];
  };
  return {
    trustDomain,
    indexBuiltAt: index.builtAt,
    byId: (id) => byId.get(id) ?? null,
    byKey: (key) => byKey.get(key) ?? null,
    inScope,
    childrenOf,
    federatedTrustDomains: new Set(bundles.map((b) => b.trustDomain)),
    activeCa: findActiveCa(own.x509Authorities, authorities?.x509.active?.expiresAt ?? null),
    now: Date.now(),
  };
}
