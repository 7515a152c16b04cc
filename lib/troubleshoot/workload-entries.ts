import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { nodeAliases, slotsUnder, slotsWithSelectors } from "@/lib/entries/compact/read-entries";
import { selectorKey } from "@/lib/entries/match-selectors";
import type { Entry, Selector } from "@/lib/spire/types";

/**
 * What telling whether a workload gets an identity reads of a server's entries: its node aliases,
 * and the entries that can serve or nearly serve it. Nothing else, so no caller holds every entry.
 */
export type WorkloadEntries = {
  /** Node aliases (entries parented to the server), in index order. */
  readonly aliases: readonly Entry[];
  /**
   * In index order, every entry parented to one of `parentIds` or with one of `selectors` (any
   * other entry can neither match the workload nor be a near miss); more may come, callers filter.
   */
  near(parentIds: readonly string[], selectors: readonly Selector[]): readonly Entry[];
};

/**
 * The workload entries of an index, read in place: the child lists of the parents and the search
 * index's slots of the selectors. Each entry is built once per use of the returned object.
 */
export function workloadEntriesOf(index: CompactEntryIndex): WorkloadEntries {
  const built = new Map<number, Entry>();
  const entryAt = (slot: number) => {
    let entry = built.get(slot);
    if (!entry) built.set(slot, (entry = index.columns.entryAt(slot)));
    return entry;
  };
  let aliases: Entry[] | null = null;
  return {
    get aliases() {
      aliases ??= nodeAliases(index);
      return aliases;
    },
    near(parentIds, selectors) {
      const slots = new Set([
        ...slotsUnder(index, parentIds),
        ...slotsWithSelectors(index, selectors.map(selectorKey)),
      ]);
      return Array.from(slots)
        .sort((a, b) => a - b)
        .map(entryAt);
    },
  };
}
