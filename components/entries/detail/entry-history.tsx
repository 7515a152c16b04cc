"use client";

import { useQuery } from "@tanstack/react-query";

import { RecordDiff } from "@/components/audit/record-diff";
import { Badge } from "@/components/ui/badge";
import { StatePanel } from "@/components/ui/state-panel";
import { TimeText } from "@/components/ui/time-text";
import { entryFieldLabel, entryValueText } from "@/lib/entries/entry-value-text";
import { fetchEntryHistory } from "@/lib/query/api";
import { entryTreeKeys } from "@/lib/query/keys";
import type { Entry } from "@/lib/spire/types";

/** Every change made to the entry through the console, newest first, with diffs; and SPIRE's own facts. */
export function EntryHistory({ server, entry }: { server: string; entry: Entry }) {
  const query = useQuery({
    queryKey: entryTreeKeys.history(server, entry.id),
    queryFn: () => fetchEntryHistory(server, entry.id),
  });
  const now = query.dataUpdatedAt || Date.parse(entry.createdAt ?? "") || 0;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        SPIRE: created{" "}
        {entry.createdAt && query.dataUpdatedAt ? <TimeText iso={entry.createdAt} now={now} /> : "(unknown)"}, revision{" "}
        {entry.revisionNumber}. Changes made with the CLI or other tools are not listed here.
      </p>
      {query.error ? (
        <StatePanel tone="error" title="Could not load the history">
          {query.error.message}
        </StatePanel>
      ) : null}
      {query.data?.changes.length === 0 ? (
        <p className="text-sm text-slate-600">No change to this entry was made through the console.</p>
      ) : null}
      <ol className="space-y-3" data-testid="entry-history">
        {query.data?.changes.map((change) => (
          <li key={change.id} className="rounded-md border border-slate-200 bg-white p-3">
            <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
              <TimeText iso={new Date(change.at).toISOString()} now={now} className="text-xs" />
              <span className="font-medium">{change.action}</span>
              <span>by {change.actor?.name ?? "(unidentified)"}</span>
              <Badge tone={change.outcome === "ok" ? "good" : "bad"}>{change.outcome}</Badge>
            </div>
            <RecordDiff before={change.before} after={change.after} label={entryFieldLabel} text={entryValueText} />
          </li>
        ))}
      </ol>
    </div>
  );
}
