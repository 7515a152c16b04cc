import type { Entry } from "@/lib/spire/types";

import type { CompactEntryIndex } from "./compact-index";

/** The entries of the live slots `keep` accepts, built as objects (for the few a view needs). */
export function entriesWhere(index: CompactEntryIndex, keep: (slot: number) => boolean): Entry[] {
  const out: Entry[] = [];
  for (const slot of index.liveSlots()) if (keep(slot)) out.push(index.columns.entryAt(slot));
  return out;
}

/** Every entry as an object: a full copy, for the few callers that reason over all of them at once. */
export function allEntries(index: CompactEntryIndex): Entry[] {
  return entriesWhere(index, () => true);
}

/** Entries that expire (an `expiresAt` is set). */
export function expiringEntries(index: CompactEntryIndex): Entry[] {
  const expires = index.columns.expiresMs;
  return entriesWhere(index, (slot) => !Number.isNaN(expires.data[slot]!));
}

/** Entries that federate with at least one trust domain. */
export function federatingEntries(index: CompactEntryIndex): Entry[] {
  const count = index.columns.federatesCount;
  return entriesWhere(index, (slot) => count.data[slot]! > 0);
}

/** Entries with at least one selector whose `type:value` starts with `prefix` (e.g. `k8s_psat:cluster:`). */
export function entriesWithSelectorPrefix(index: CompactEntryIndex, prefix: string): Entry[] {
  const c = index.columns;
  const wanted = new Uint8Array(c.texts.size);
  let any = false;
  c.texts.scan(prefix.toLowerCase(), (id) => {
    if (c.texts.text(id).startsWith(prefix)) {
      wanted[id] = 1;
      any = true;
    }
  });
  if (!any) return [];
  return entriesWhere(index, (slot) => {
    const [from, to] = c.selectorRange(slot);
    for (let i = from; i < to; i++) if (wanted[c.lists.data[i]!]) return true;
    return false;
  });
}

/** Slots whose X.509-SVID TTL is set (not the server default), with that TTL. */
export function* slotsWithX509Ttl(index: CompactEntryIndex): Generator<[slot: number, ttl: number]> {
  const ttl = index.columns.x509Ttl;
  for (const slot of index.liveSlots()) if (ttl.data[slot]! > 0) yield [slot, ttl.data[slot]!];
}
