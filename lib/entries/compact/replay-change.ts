import type { CompactEntryIndex, EntryChange } from "./compact-index";

/**
 * Applies a journalled change to a walked index, keeping what the walk read if it is newer
 * (`newerOnly`: or of the same revision, i.e. already there). A change with nothing left to do
 * is not applied (it would count as a change patched in).
 */
export function replayChange(index: CompactEntryIndex, change: EntryChange, newerOnly = false): void {
  const columns = index.columns;
  const upserts = change.upserts.filter((entry) => {
    const slot = columns.slotOf(entry.id);
    if (slot < 0) return true;
    const held = columns.revision.data[slot]!;
    return newerOnly ? held < entry.revisionNumber : held <= entry.revisionNumber;
  });
  const deletes = change.deletes.filter((id) => columns.slotOf(id) >= 0);
  if (upserts.length === 0 && deletes.length === 0) return;
  index.applyChange({ upserts, deletes });
}
