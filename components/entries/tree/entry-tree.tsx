"use client";

import { ExportAsCodeLink } from "@/components/entries-as-code/export-as-code-link";
import { Button } from "@/components/ui/button";
import { StatePanel } from "@/components/ui/state-panel";
import { TimeText } from "@/components/ui/time-text";
import { describeMatches } from "@/lib/entries/tree-matches";
import type { EntryFilters } from "@/lib/spire/types";

import { IndexProgressPanel } from "../index-progress-panel";
import { RestoredNotice } from "./restored-notice";
import { TreeRowView } from "./tree-row";
import { useEntryTree } from "./use-entry-tree";
import type { TreeRow } from "./use-tree-rows";

const TREE_BOX_CLASS =
  "h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-sky-600";

/**
 * The entries of one server as a tree by parent ID, computed on the server and fetched one
 * level (and one page of 200) at a time; rendered virtualised, with arrow-key navigation.
 */
export function EntryTree({
  server,
  filters,
  expand = [],
}: {
  server: string;
  filters: EntryFilters;
  expand?: string[];
}) {
  const tree = useEntryTree(server, filters, expand);
  const { rows, filtering, root, rootError, rootProgress, fetching, updatedAt, virtualizer, active } = tree;
  const { scrollRef, setActive, toggle, more, onKeyDown, refresh } = tree;

  if (rootError && !root)
    return (
      <StatePanel tone="error" title="Could not load the entry tree">
        {rootError.message}
      </StatePanel>
    );
  if (!root && rootProgress) return <IndexProgressPanel progress={rootProgress} />;
  if (!root) return <StatePanel tone="loading" title="Building the entry tree…" />;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600">
        <span data-testid="tree-summary">
          {describeMatches(filtering, root.parent.subtreeCount, root.totalEntries)} · {root.totalAgents} agents · index
          built <TimeText iso={root.builtAt} now={updatedAt} />
          {fetching ? " · refreshing…" : ""}
        </span>
        {root.restored ? <RestoredNotice restored={root.restored} /> : null}
        <ExportAsCodeLink server={server} scope={{}} label="Export as code" />
        <Button size="sm" variant="secondary" onClick={refresh}>
          Refresh
        </Button>
      </div>
      {root.parent.subtreeCount === 0 && root.total <= 1 ? (
        <StatePanel tone="empty" title="No entries or agents match." />
      ) : null}
      <div
        ref={scrollRef}
        role="tree"
        aria-label={`Entries of ${server} by parent`}
        tabIndex={0}
        aria-activedescendant={rows[active] ? `tree-row-${active}` : undefined}
        onKeyDown={onKeyDown}
        className={TREE_BOX_CLASS}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as TreeRow;
            return (
              <div
                key={row.key}
                style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <TreeRowView
                  now={updatedAt}
                  row={row}
                  server={server}
                  id={`tree-row-${item.index}`}
                  active={item.index === active}
                  onFocus={() => setActive(item.index)}
                  onToggle={() => toggle(row)}
                  onMore={() => row.type === "more" && more(row.parentKey)}
                />
              </div>
            );
          })}
        </div>
      </div>
      <p className="text-xs text-slate-500">
        Counts: direct children · whole subtree. Arrow keys move and expand, Enter opens.
      </p>
    </div>
  );
}
