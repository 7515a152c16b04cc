"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter, useSearchParams } from "next/navigation";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";

import { expansionFromParams, expansionToParams } from "@/lib/entries/tree-expansion";
import { findRowsToExpand, hideEmptyGroups, isFiltering } from "@/lib/entries/tree-matches";
import { links } from "@/lib/links";
import { entryTreeKeys } from "@/lib/query/keys";
import type { EntryFilters } from "@/lib/spire/types";

import { type Expansion, type TreeRow, useTreeRows } from "./use-tree-rows";

/** Writes the expanded rows into `?expand=` without a navigation, so Back and shared links reopen them. */
function useExpansionInUrl(expanded: ReadonlyMap<string, Expansion>) {
  useEffect(() => {
    const url = new URL(window.location.href);
    const wanted = expansionToParams(expanded);
    if (JSON.stringify(url.searchParams.getAll("expand")) === JSON.stringify(wanted)) return;
    url.searchParams.delete("expand");
    for (const value of wanted) url.searchParams.append("expand", value);
    window.history.replaceState(window.history.state, "", url);
  }, [expanded]);
}

/**
 * The entry tree's state: which rows are expanded (kept in `?expand=`), the rows fetched for them,
 * the active row and its keys (arrows move and expand, Enter opens), the virtualiser of the box.
 */
export function useEntryTree(server: string, filters: EntryFilters, expand: string[]) {
  // The browser's URL, not the server's props: on Back, the page may come from the router's cache
  // rendered before rows were expanded, while the history entry's URL lists them.
  const searchParams = useSearchParams();
  const [expanded, setExpanded] = useState(() =>
    expansionFromParams(searchParams.has("expand") ? searchParams.getAll("expand") : expand),
  );
  useExpansionInUrl(expanded);
  const [active, setActive] = useState(0);
  const filtering = isFiltering(filters);
  const loaded = useTreeRows(server, filters, expanded);
  const { root, rootError, rootProgress, fetching, updatedAt } = loaded;
  const rows = filtering ? hideEmptyGroups(loaded.rows) : loaded.rows;
  // A filtered tree opens the way down to its matches, until the user opens or closes a row themselves.
  const [autoExpand, setAutoExpand] = useState(filtering && !searchParams.has("expand"));
  useEffect(() => {
    if (!autoExpand) return;
    const wanted = findRowsToExpand(loaded.rows, expanded.size);
    if (wanted.length === 0) return;
    setExpanded((prev) => {
      const next = new Map(prev);
      for (const row of wanted) {
        if (row.type !== "node" || next.has(row.key)) continue;
        next.set(row.key, { spiffeId: row.node.spiffeId, orphans: row.node.kind === "orphans", pages: 1 });
      }
      return next;
    });
  }, [autoExpand, loaded.rows, expanded.size]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const client = useQueryClient();
  const router = useRouter();
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual: left unmemoized on purpose
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 36,
    overscan: 12,
  });

  const toggle = (row: TreeRow) => {
    if (row.type !== "node" || !row.expandable) return;
    setAutoExpand(false);
    setExpanded((prev) => {
      const next = new Map(prev);
      if (next.has(row.key)) {
        for (const key of next.keys()) if (key === row.key || key.startsWith(`${row.key}/`)) next.delete(key);
      } else next.set(row.key, { spiffeId: row.node.spiffeId, orphans: row.node.kind === "orphans", pages: 1 });
      return next;
    });
  };
  const more = (parentKey: string) =>
    setExpanded((prev) => {
      const current = prev.get(parentKey);
      return current ? new Map(prev).set(parentKey, { ...current, pages: current.pages + 1 }) : prev;
    });
  const move = (index: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    setActive(clamped);
    virtualizer.scrollToIndex(clamped);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const row = rows[active];
    if (!row) return;
    const handled = true;
    switch (event.key) {
      case "ArrowDown":
        move(active + 1);
        break;
      case "ArrowUp":
        move(active - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(rows.length - 1);
        break;
      case "ArrowRight":
        if (row.type === "node" && row.expandable && !row.expanded) toggle(row);
        else if (row.type === "node" && row.expanded) move(active + 1);
        break;
      case "ArrowLeft":
        if (row.type === "node" && row.expanded && row.key !== "server") toggle(row);
        else move(rows.findIndex((r) => r.key === row.parentKey));
        break;
      case "Enter":
        if (row.type === "more") more(row.parentKey);
        else if (row.type === "node" && row.node.entryId) router.push(links.entry(server, row.node.entryId));
        else if (row.type === "node" && row.node.kind === "agent") router.push(links.agent(server, row.node.spiffeId));
        break;
      default:
        return;
    }
    if (handled) event.preventDefault();
  };

  const refresh = () => void client.invalidateQueries({ queryKey: entryTreeKeys.all(server) });

  return {
    rows,
    filtering,
    root,
    rootError,
    rootProgress,
    fetching,
    updatedAt,
    scrollRef,
    virtualizer,
    active,
    setActive,
    toggle,
    more,
    onKeyDown,
    refresh,
  };
}
