"use client";

import { useState } from "react";

import { TableHead } from "./table";

export type SortState<K extends string> = { key: K; dir: "asc" | "desc" } | null;

/** Which column a table is sorted by; clicking a column sorts by it, again reverses, a third time unsorts. */
export function useSort<K extends string>(initial: SortState<K> = null) {
  const [sort, setSort] = useState<SortState<K>>(initial);
  const toggle = (key: K) =>
    setSort((s) => (s?.key !== key ? { key, dir: "asc" } : s.dir === "asc" ? { key, dir: "desc" } : null));
  return { sort, toggle };
}

/** `rows` sorted by the chosen column's value (stable; unsorted keeps the server's order). */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: SortState<K>,
  valueOf: Record<K, (row: T) => string | number>,
): T[] {
  if (!sort) return [...rows];
  const value = valueOf[sort.key];
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    return (x < y ? -1 : x > y ? 1 : 0) * sign;
  });
}

/** A column title that sorts the table (a button, with `aria-sort` on the header cell). */
export function SortableHead<K extends string>(props: {
  column: K;
  label: string;
  sort: SortState<K>;
  onSort: (column: K) => void;
  className?: string;
}) {
  const dir = props.sort?.key === props.column ? props.sort.dir : null;
  return (
    <TableHead
      className={props.className}
      aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : undefined}
    >
      <button
        type="button"
        onClick={() => props.onSort(props.column)}
        className="inline-flex items-center gap-1 uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        {props.label}
        <span aria-hidden="true" className="text-[10px]">
          {dir === "asc" ? "▲" : dir === "desc" ? "▼" : "↕"}
        </span>
        <span className="sr-only">
          {dir === "asc" ? ", sorted ascending" : dir === "desc" ? ", sorted descending" : ", sort"}
        </span>
      </button>
    </TableHead>
  );
}
