import type { EntryFilters } from "@/lib/spire/types";

/** Whether any filter narrows the tree (then it shows matches, not the whole server). */
export function isFiltering(filters: EntryFilters): boolean {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== ""));
}

/** The parts of a tree row the match logic reads. */
export type MatchRow = {
  type: string;
  key: string;
  expandable?: boolean;
  expanded?: boolean;
  node?: { kind: string; subtreeCount: number };
};

/** At most this many rows are opened on the user's behalf (beyond that, they open what they want). */
export const AUTO_EXPAND_LIMIT = 40;

/**
 * The rows to open so a filtered tree shows its matches: every closed row with matches below it, while no more
 * than `AUTO_EXPAND_LIMIT` rows are open (`openCount`). Called again as each level loads, it opens the path down
 * to every match.
 */
export function findRowsToExpand<R extends MatchRow>(rows: readonly R[], openCount: number): R[] {
  const room = AUTO_EXPAND_LIMIT - openCount;
  if (room <= 0) return [];
  const closed = rows.filter(
    (r) => r.type === "node" && r.expandable && !r.expanded && (r.node?.subtreeCount ?? 0) > 0,
  );
  return closed.slice(0, room);
}

/** The rows without groups that hold nothing under the filter (an empty Orphans group says nothing). */
export function hideEmptyGroups<R extends MatchRow>(rows: readonly R[]): R[] {
  return rows.filter((r) => !(r.type === "node" && r.node?.kind === "orphans" && r.node.subtreeCount === 0));
}

/** "1 of 37 entries match" under a filter; "37 entries" without one. */
export function describeMatches(filtering: boolean, matches: number, total: number): string {
  if (!filtering) return `${total} entries`;
  return `${matches} of ${total} ${total === 1 ? "entry" : "entries"} match`;
}
