"use client";

import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";

import { describeIndexProgress } from "@/lib/entries/index-progress";
import type { TreeLevel } from "@/lib/entries/load-tree-level";
import type { TreeNode } from "@/lib/entries/tree-types";
import { fetchTreeLevel } from "@/lib/query/api";
import { IndexBuildingError, retryIndexed, retryIndexedDelay } from "@/lib/query/fetch-indexed";
import { entryTreeKeys } from "@/lib/query/keys";
import type { EntryFilters } from "@/lib/spire/types";

export const TREE_PAGE = 200;

/** An expanded row: which node it shows children of and how many pages are loaded. */
export type Expansion = { spiffeId: string; orphans: boolean; pages: number };

export type TreeRow =
  | {
      type: "node";
      key: string;
      depth: number;
      node: TreeNode;
      expandable: boolean;
      expanded: boolean;
      cycle: boolean;
      parentKey: string | null;
    }
  | { type: "more"; key: string; depth: number; parentKey: string; shown: number; total: number }
  | { type: "status"; key: string; depth: number; parentKey: string; text: string; error: boolean };

type PageRequest = { rowKey: string; page: number; expansion: Expansion; isRoot: boolean };

/**
 * The visible rows of the tree: the root level, plus the loaded pages of every expanded row,
 * flattened in display order. Each page is one query, refreshed every 10 s.
 */
export function useTreeRows(server: string, filters: EntryFilters, expanded: ReadonlyMap<string, Expansion>) {
  const requests: PageRequest[] = useMemo(() => {
    const list: PageRequest[] = [];
    for (const [rowKey, expansion] of expanded) {
      for (let page = 0; page < expansion.pages; page++)
        list.push({ rowKey, page, expansion, isRoot: rowKey === "server" });
    }
    return list;
  }, [expanded]);

  const results = useQueries({
    queries: requests.map((r) => ({
      queryKey: entryTreeKeys.level(
        server,
        r.expansion.orphans ? "#orphans" : r.isRoot ? "" : r.expansion.spiffeId,
        filters,
        r.page * TREE_PAGE,
      ),
      queryFn: () =>
        fetchTreeLevel(server, filters, {
          parent: r.isRoot ? null : r.expansion.spiffeId,
          orphans: r.expansion.orphans,
          offset: r.page * TREE_PAGE,
          limit: TREE_PAGE,
        }),
      refetchInterval: 10_000,
      retry: retryIndexed,
      retryDelay: retryIndexedDelay,
    })),
  });

  return useMemo(() => {
    const byKey = new Map(requests.map((r, i) => [`${r.rowKey}#${r.page}`, results[i]]));
    const rows: TreeRow[] = [];
    const root = byKey.get("server#0");
    const emit = (rowKey: string, depth: number, ancestors: ReadonlySet<string>) => {
      const expansion = expanded.get(rowKey);
      if (!expansion) return;
      let last: TreeLevel | undefined;
      let shown = 0;
      for (let page = 0; page < expansion.pages; page++) {
        const result = byKey.get(`${rowKey}#${page}`);
        if (!result || result.isPending) {
          const building = result?.failureReason instanceof IndexBuildingError ? result.failureReason : null;
          rows.push({
            type: "status",
            key: `${rowKey}#loading${page}`,
            depth,
            parentKey: rowKey,
            text: building ? describeIndexProgress(building.progress).detail : "Loading…",
            error: false,
          });
          return;
        }
        if (result.isError) {
          rows.push({
            type: "status",
            key: `${rowKey}#error${page}`,
            depth,
            parentKey: rowKey,
            text: result.error.message,
            error: true,
          });
          return;
        }
        last = result.data;
        for (const node of result.data.nodes) {
          const key = `${rowKey}/${node.key}`;
          const cycle = node.spiffeId !== "" && ancestors.has(node.spiffeId);
          const expandable = node.childCount > 0 && !cycle;
          rows.push({
            type: "node",
            key,
            depth,
            node,
            expandable,
            expanded: expandable && expanded.has(key),
            cycle,
            parentKey: rowKey,
          });
          shown += 1;
          if (expandable && expanded.has(key)) emit(key, depth + 1, new Set([...ancestors, node.spiffeId]));
        }
      }
      if (last?.nextOffset !== null && last !== undefined) {
        rows.push({ type: "more", key: `${rowKey}#more`, depth, parentKey: rowKey, shown, total: last.total });
      }
    };
    if (root?.data) {
      const node = root.data.parent;
      rows.push({
        type: "node",
        key: "server",
        depth: 0,
        node,
        expandable: true,
        expanded: true,
        cycle: false,
        parentKey: null,
      });
      emit("server", 1, new Set([node.spiffeId]));
    }
    return {
      rows,
      root: root?.data ?? null,
      rootError: root?.error ?? null,
      /** While the index's first walk runs: how far it got (the root level is retried until it is built). */
      rootProgress: root?.failureReason instanceof IndexBuildingError ? root.failureReason.progress : null,
      fetching: results.some((r) => r.isFetching),
      /** When the newest level was read (epoch ms): "now" for the rows' relative times. */
      updatedAt: Math.max(0, ...results.map((r) => r.dataUpdatedAt)),
    };
  }, [requests, results, expanded]);
}
