import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import type { CaWindow } from "@/lib/expiry/ttl-cap";
import type { Entry } from "@/lib/spire/types";

import { entryKey } from "./declared-entry";
import { inOwnedScope, type LiveView } from "./plan-entry-changes";
import type { DeclaredEntry, EntrySetOwns } from "./types";

/**
 * The live side of a plan from a compact entry index: one pass over its slots, building objects
 * only for the entries in scope or named by the file (by ID or SPIFFE ID). Pure.
 */
export function buildLiveView(
  index: CompactEntryIndex,
  declared: readonly DeclaredEntry[],
  owns: EntrySetOwns,
  facts: { federatedTrustDomains: ReadonlySet<string>; activeCa: CaWindow | null; now: number },
): LiveView {
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
  return { byId: (id) => byId.get(id) ?? null, byKey: (key) => byKey.get(key) ?? null, inScope, childrenOf, ...facts };
}
