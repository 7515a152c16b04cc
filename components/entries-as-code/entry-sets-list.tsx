"use client";

import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { StatePanel } from "@/components/ui/state-panel";
import type { DriftState, EntrySetStatus } from "@/lib/entry-sets/drift-state";
import { links } from "@/lib/links";

import { ChangeList } from "./change-list";
import { useEntrySets } from "./use-entries-as-code";

const stateBadge: Record<DriftState, { tone: "good" | "warn" | "bad" | "info" | "neutral"; label: string }> = {
  "in-sync": { tone: "good", label: "In sync" },
  drifted: { tone: "bad", label: "Drifted" },
  unmanaged: { tone: "warn", label: "Unmanaged in scope" },
  error: { tone: "bad", label: "Error" },
  pending: { tone: "neutral", label: "Not planned yet" },
};

function SetCard({ set }: { set: EntrySetStatus }) {
  const badge = stateBadge[set.state];
  const titleId = `set-${set.name}`;
  return (
    <li
      aria-labelledby={titleId}
      data-testid="entry-set"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={titleId} className="font-semibold">
          {set.name}
        </h3>
        <Badge tone={badge.tone} data-testid="entry-set-state">
          {badge.label}
        </Badge>
        <span className="text-xs text-slate-600">
          on {set.server} · every {set.interval}s{set.autoApply ? " · autoApply" : ""}
        </span>
      </div>
      <p className="font-mono text-xs break-all text-slate-600">{set.path}</p>
      <p className="text-sm text-slate-700">
        {set.lastRun
          ? `Planned ${new Date(set.lastRun.at).toLocaleString()} (${set.lastRun.durationMs} ms)`
          : "Not planned yet."}
        {set.summaryLine ? ` ${set.summaryLine}; ${set.counts.unchanged} in sync.` : ""}
      </p>
      {set.error ? (
        <p role="alert" className="text-sm text-red-800">
          {set.error.message}
        </p>
      ) : null}
      {set.guard?.tripped ? <p className="text-sm text-amber-800">Mass-delete guard: {set.guard.message}</p> : null}
      {set.lastApply ? (
        <p className="text-sm text-slate-700">
          Last autoApply {new Date(set.lastApply.at).toLocaleString()}: {set.lastApply.outcome} —{" "}
          {set.lastApply.message}
          {set.lastApply.planId ? (
            <>
              {" "}
              <Link className="text-sky-800 underline" href={links.audit({ target: set.lastApply.planId })}>
                audit log
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {set.changes.length ? (
        <details>
          <summary className="cursor-pointer text-sm">What differs ({set.changes.length})</summary>
          <div className="mt-2">
            <ChangeList changes={set.changes} label={`Drift of ${set.name}`} />
          </div>
        </details>
      ) : null}
      {set.unmanaged.length ? (
        <details>
          <summary className="cursor-pointer text-sm">Unmanaged in scope ({set.unmanaged.length})</summary>
          <ul className="mt-2 space-y-1 font-mono text-xs">
            {set.unmanaged.map((u) => (
              <li key={u.id}>
                <Link className="text-sky-800 underline break-all" href={links.entry(set.server, u.id)}>
                  {u.spiffeId}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

/** The entry sets the console watches (config `entrySets`) and how each compares with its server. */
export function EntrySetsList() {
  const sets = useEntrySets();
  if (sets.isPending) return <StatePanel tone="loading" title="Reading the watched sets…" />;
  if (sets.isError)
    return (
      <StatePanel tone="error" title="Could not read the watched sets">
        {sets.error.message}
      </StatePanel>
    );
  if (sets.data.sets.length === 0)
    return (
      <p className="text-sm text-slate-700">
        No watched sets on the servers you may read. Add <code>entrySets</code> to the console&apos;s config to have it
        report drift.
      </p>
    );
  return (
    <ul className="space-y-3" aria-label="Watched entry sets">
      {sets.data.sets.map((set) => (
        <SetCard key={set.name} set={set} />
      ))}
    </ul>
  );
}
