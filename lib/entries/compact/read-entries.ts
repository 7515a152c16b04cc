import type { Entry } from "@/lib/spire/types";

import type { CompactEntryIndex } from "./compact-index";

/** The entries of the live slots `keep` accepts, built as objects (for the few a view needs). */
export function entriesWhere(index: CompactEntryIndex, keep: (slot: number) => boolean): Entry[] {
  const out: Entry[] = [];
  for (const slot of index.liveSlots()) if (keep(slot)) out.push(index.columns.entryAt(slot));
  return out;
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

/**
 * Live slots, in slot order, that may use one of `nodes` (as SPIFFE or parent ID) or `texts` (as
 * selector, hint or DNS name): a superset read from the search index's lists, without visiting
 * every slot. Callers check each.
 */
function slotsUsing(index: CompactEntryIndex, nodes: number[], texts: number[]): number[] {
  const out: number[] = [];
  const matches = (ids: number[]) => ({ ids, factor: new Uint8Array(0) });
  const given = { nodes: matches(nodes), texts: matches(texts), ids: matches([]) };
  index.searchIndex().forEachCandidate(index.columns, given, (slot) => out.push(slot));
  return out.sort((a, b) => a - b);
}

/** Slots (in slot order) with at least one selector whose `type:value` starts with `prefix`. */
export function slotsWithSelectorPrefix(index: CompactEntryIndex, prefix: string): number[] {
  const c = index.columns;
  const wanted = new Uint8Array(c.texts.size);
  const texts: number[] = [];
  c.texts.scan(prefix.toLowerCase(), (id) => {
    if (c.texts.text(id).startsWith(prefix)) {
      wanted[id] = 1;
      texts.push(id);
    }
  });
  if (texts.length === 0) return [];
  return slotsUsing(index, [], texts).filter((slot) => {
    const [from, to] = c.selectorRange(slot);
    for (let i = from; i < to; i++) if (wanted[c.lists.data[i]!]) return true;
    return false;
  });
}

/** Slots (in slot order) whose SPIFFE ID is one of `spiffeIds`. */
export function slotsWithSpiffeIds(index: CompactEntryIndex, spiffeIds: readonly string[]): number[] {
  const c = index.columns;
  const nodes = [...new Set(spiffeIds.map((id) => c.nodes.find(id)).filter((node) => node >= 0))];
  if (nodes.length === 0) return [];
  const wanted = new Set(nodes);
  return slotsUsing(index, nodes, []).filter((slot) => wanted.has(c.spiffe.data[slot]!));
}

/** The entries of `slots`, built as objects. */
export function entriesAt(index: CompactEntryIndex, slots: readonly number[]): Entry[] {
  return slots.map((slot) => index.columns.entryAt(slot));
}

/** Entries with at least one selector whose `type:value` starts with `prefix` (e.g. `k8s_psat:cluster:`). */
export function entriesWithSelectorPrefix(index: CompactEntryIndex, prefix: string): Entry[] {
  return entriesAt(index, slotsWithSelectorPrefix(index, prefix));
}

/** Slots whose X.509-SVID TTL is set (not the server default), with that TTL. */
export function* slotsWithX509Ttl(index: CompactEntryIndex): Generator<[slot: number, ttl: number]> {
  const ttl = index.columns.x509Ttl;
  for (const slot of index.liveSlots()) if (ttl.data[slot]! > 0) yield [slot, ttl.data[slot]!];
}

const inSlotOrder = (slots: Iterable<number>) => Int32Array.from(new Set(slots)).sort();

/** The entry with ID `id`, built as an object, or null. */
export function entryWithId(index: CompactEntryIndex, id: string): Entry | null {
  const slot = index.columns.slotOf(id);
  return slot >= 0 ? index.columns.entryAt(slot) : null;
}

/** Node aliases (entries parented to the server), in slot order. */
export function nodeAliases(index: CompactEntryIndex): Entry[] {
  return entriesAt(index, Array.from(inSlotOrder(index.children.list(index.serverNode))));
}

/** Slots (in slot order) of the entries parented to one of `parentIds`, from the child lists. */
export function slotsUnder(index: CompactEntryIndex, parentIds: readonly string[]): Int32Array {
  const nodes = parentIds.map((id) => index.nodeOf(id)).filter((node) => node >= 0);
  return inSlotOrder(nodes.flatMap((node) => Array.from(index.children.list(node))));
}

/** Slots (in slot order) with at least one selector whose `type:value` is one of `keys`. */
export function slotsWithSelectors(index: CompactEntryIndex, keys: readonly string[]): number[] {
  const c = index.columns;
  const texts = [...new Set(keys.map((key) => c.texts.find(key)).filter((id) => id >= 0))];
  if (texts.length === 0) return [];
  const wanted = new Set(texts);
  return slotsUsing(index, [], texts).filter((slot) => {
    const [from, to] = c.selectorRange(slot);
    for (let i = from; i < to; i++) if (wanted.has(c.lists.data[i]!)) return true;
    return false;
  });
}
