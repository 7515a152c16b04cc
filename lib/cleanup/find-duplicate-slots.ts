import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import type { EntryColumns } from "@/lib/entries/compact/entry-columns";
import type { Entry } from "@/lib/spire/types";

import { duplicatesInGroup, groupBySignature } from "./find-duplicates";

const mix = (hash: number, value: number) => Math.imul(hash ^ value, 0x9e3779b1) ^ (hash >>> 15);
const scramble = (id: number) => Math.imul(id ^ (id >>> 16), 0x45d9f3b) ^ Math.imul(id, 0x27d4eb2d);

/** An order-free hash of a list of text ids (equal multisets hash alike, as `signature` sorts them). */
function listHash(c: EntryColumns, [from, to]: [number, number]): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum = (sum + scramble(c.lists.data[i]!)) | 0;
  return sum;
}

/** A 32-bit hash of the fields `signature` compares, read from the columns: equal signatures hash alike. */
function signatureHash(c: EntryColumns, slot: number): number {
  const expires = c.expiresMs.data[slot]!;
  let hash = mix(0x811c9dc5, c.spiffe.data[slot]!);
  hash = mix(hash, listHash(c, c.selectorRange(slot)));
  hash = mix(hash, listHash(c, c.federatesRange(slot)));
  hash = mix(hash, listHash(c, c.dnsRange(slot)));
  hash = mix(hash, c.x509Ttl.data[slot]!);
  hash = mix(hash, c.jwtTtl.data[slot]!);
  hash = mix(hash, c.hint.data[slot]!);
  hash = mix(hash, c.flags.data[slot]!);
  hash = mix(hash, expires | 0);
  return mix(hash, (expires / 4294967296) | 0);
}

/**
 * `findDuplicates` over the index in place: a hash of each live slot's signature fields (one
 * 32-bit number per slot, no entry built), slots sorted by hash, and only slots sharing a hash built
 * as entries and grouped by their exact signature. The duplicate slots, each with the entry it keeps.
 */
export function findDuplicateSlots(index: CompactEntryIndex): Map<number, Entry> {
  const c = index.columns;
  const hashes = new Int32Array(c.slotCount);
  const slots = new Int32Array(c.liveCount);
  let live = 0;
  for (let slot = 0; slot < c.slotCount; slot++) {
    if (!c.isLive(slot)) continue;
    hashes[slot] = signatureHash(c, slot);
    slots[live++] = slot;
  }
  slots.sort((a, b) => hashes[a]! - hashes[b]! || a - b);
  const found = new Map<number, Entry>();
  for (let from = 0; from < live;) {
    let to = from + 1;
    while (to < live && hashes[slots[to]!] === hashes[slots[from]!]) to++;
    if (to - from > 1) {
      const sameHash = Array.from(slots.subarray(from, to), (slot) => c.entryAt(slot));
      for (const group of groupBySignature(sameHash))
        for (const { entry, keeps } of duplicatesInGroup(group)) found.set(c.slotOf(entry.id), keeps);
    }
    from = to;
  }
  return found;
}
