import type { Entry } from "@/lib/spire/types";

import type { CompactEntryIndex } from "./compact-index";
import type { EntryColumns } from "./entry-columns";

/**
 * How much of an index is left over from removed and rewritten entries: the larger of the share
 * of dead slots and the share of list cells no live entry points at. Only a rebuilt index sheds it.
 */
export function garbageShare(columns: EntryColumns): number {
  const slots = columns.slotCount;
  if (slots === 0) return 0;
  let liveCells = 0;
  for (let slot = 0; slot < slots; slot++)
    if (columns.isLive(slot))
      liveCells +=
        columns.selectorCount.data[slot]! + columns.federatesCount.data[slot]! + columns.dnsCount.data[slot]!;
  const cells = columns.listLength;
  const deadCells = cells === 0 ? 0 : (cells - liveCells) / cells;
  return Math.max((slots - columns.liveCount) / slots, deadCells);
}

/**
 * Whether a walked entry says more than the slot holding its ID: a higher revision (SPIRE bumps it
 * on every update), or another creation time (deleted and created again under the same ID). A lower
 * revision is an older read of an entry the console has patched since: the slot stays.
 */
function isNewer(columns: EntryColumns, slot: number, entry: Entry): boolean {
  if (entry.revisionNumber > columns.revision.data[slot]!) return true;
  const created = entry.createdAt ? Date.parse(entry.createdAt) : NaN;
  const held = columns.createdMs.data[slot]!;
  return !(created === held || (Number.isNaN(created) && Number.isNaN(held)));
}

/** What a refresh changed: entries it left as they were, patched, added and removed. */
export type ReconcileCounts = { unchanged: number; patched: number; added: number; removed: number };

/**
 * Brings a serving index up to date with a new walk of its server, in place, page by page: an
 * entry it lacks is added, a newer one patched, and once the walk is through the entries it did
 * not see are removed. The index serves throughout (each page is one `applyChange`), and no second
 * index is built beside it. Changes made through the console while the walk runs are already in the
 * index; the caller names them, so that an older read does not undo them.
 */
export class IndexReconciler {
  readonly counts: ReconcileCounts = { unchanged: 0, patched: 0, added: 0, removed: 0 };
  private readonly index: CompactEntryIndex;
  /** Slots from here on were added after the walk began (by it or by the console): never removed by it. */
  private readonly firstNewSlot: number;
  private readonly seen: Uint8Array;
  /** Entries `see` found to add or patch, until `flush`. */
  private pending: Entry[] = [];

  constructor(index: CompactEntryIndex) {
    this.index = index;
    this.firstNewSlot = index.columns.slotCount;
    this.seen = new Uint8Array(this.firstNewSlot);
  }

  /**
   * One walked entry, as it is read (nothing is kept of an entry the index already holds as it
   * is). `deletedMeanwhile`: IDs deleted through the console since the walk began (not added back).
   * What it adds or patches waits for `flush`.
   */
  see(entry: Entry, deletedMeanwhile: ReadonlySet<string>): void {
    const columns = this.index.columns;
    const slot = columns.slotOf(entry.id);
    if (slot < 0) {
      if (deletedMeanwhile.has(entry.id)) return;
      this.pending.push(entry);
      this.counts.added += 1;
      return;
    }
    if (slot < this.firstNewSlot) this.seen[slot] = 1;
    if (!isNewer(columns, slot, entry)) {
      this.counts.unchanged += 1;
      return;
    }
    this.pending.push(entry);
    this.counts.patched += 1;
  }

  /** Patches what `see` found new into the index (one change; call it after each page). */
  flush(): void {
    if (this.pending.length === 0) return;
    this.index.applyChange({ upserts: this.pending, deletes: [] });
    this.pending = [];
  }

  /** One walked page: `see` for each entry, then `flush`. */
  page(entries: readonly Entry[], deletedMeanwhile: ReadonlySet<string>): void {
    for (const entry of entries) this.see(entry, deletedMeanwhile);
    this.flush();
  }

  /**
   * The walk is through: removes the entries it did not see (deleted in SPIRE since they were
   * read), except those `changedMeanwhile` through the console (created or edited since it began).
   */
  finish(changedMeanwhile: ReadonlySet<string>): ReconcileCounts {
    this.flush();
    const columns = this.index.columns;
    const deletes: string[] = [];
    for (let slot = 0; slot < this.firstNewSlot; slot++) {
      if (this.seen[slot] || !columns.isLive(slot)) continue;
      const id = columns.idAt(slot);
      if (!changedMeanwhile.has(id)) deletes.push(id);
    }
    if (deletes.length > 0) this.index.applyChange({ upserts: [], deletes });
    this.counts.removed = deletes.length;
    return this.counts;
  }
}
