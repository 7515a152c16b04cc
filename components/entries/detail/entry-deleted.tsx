import { StatePanel } from "@/components/ui/state-panel";
import { TimeText } from "@/components/ui/time-text";
import type { EntryDeletion } from "@/lib/entries/load-entry-deletion";

/** In place of a deleted entry: who deleted it through the console and when (from the audit log). */
export function EntryDeleted({ deletion, now }: { deletion: EntryDeletion; now: number }) {
  return (
    <StatePanel tone="empty" title="This entry was deleted">
      <span data-testid="entry-deleted">
        Deleted by <strong>{deletion.by}</strong> <TimeText iso={deletion.at} now={now} /> ({deletion.at}).
      </span>
    </StatePanel>
  );
}
