import { isEmptyFilter } from "@/lib/entries/match-entry-filters";
import type { EntryFilters, SelectorMatchMode } from "@/lib/spire/types";

import type { CompactEntryIndex } from "./compact-index";
import { EntrySearchIndex } from "./entry-search-index";

type SlotTest = (slot: number) => boolean;

/** A set filter (`selectors` or `federatesWith`) on interned text ids, as `matchSelectors` decides it. */
function setTest(
  index: CompactEntryIndex,
  range: (slot: number) => [number, number],
  texts: readonly string[],
  mode: SelectorMatchMode,
): SlotTest {
  const lists = index.columns.lists;
  const ids = texts.map((t) => index.columns.texts.find(t));
  const wanted = new Set(ids.filter((id) => id >= 0));
  const unknown = ids.some((id) => id < 0);
  const has = (slot: number) => {
    const [from, to] = range(slot);
    const own = new Set<number>();
    for (let i = from; i < to; i++) own.add(lists.data[i]!);
    return own;
  };
  switch (mode) {
    case "superset":
      if (unknown) return () => false;
      return (slot) => {
        const own = has(slot);
        for (const id of wanted) if (!own.has(id)) return false;
        return true;
      };
    case "subset":
      return (slot) => {
        for (const id of has(slot)) if (!wanted.has(id)) return false;
        return true;
      };
    case "exact":
      if (unknown) return () => false;
      return (slot) => {
        const own = has(slot);
        if (own.size !== wanted.size) return false;
        for (const id of own) if (!wanted.has(id)) return false;
        return true;
      };
    case "any":
      return (slot) => {
        for (const id of has(slot)) if (wanted.has(id)) return true;
        return false;
      };
  }
}

/** Whether a SPIFFE ID (a node) contains `part`, any case: the nodes holding it found once, through the trigram index. */
function containsTest(index: CompactEntryIndex, part: string): SlotTest {
  const nodes = index.columns.nodes;
  const { factor } = EntrySearchIndex.match(nodes, index.searchIndex().nodes, part.toLowerCase());
  const spiffe = index.columns.spiffe;
  return (slot) => {
    const node = spiffe.data[slot]!;
    return node < factor.length ? factor[node]! > 0 : nodes.factorOf(node, part.toLowerCase()) > 0;
  };
}

/**
 * `matchesEntryFilters` compiled for the compact index: IDs and texts are looked up once, then
 * each slot is tested on interned ids. Null when no filter is set.
 */
export function compileEntryFilter(index: CompactEntryIndex, filters: EntryFilters): SlotTest | null {
  if (isEmptyFilter(filters)) return null;
  const c = index.columns;
  const tests: SlotTest[] = [];
  const nodeIs = (column: typeof c.spiffe, id: string) => {
    const node = c.nodes.find(id);
    tests.push((slot) => column.data[slot] === node);
  };
  if (filters.spiffeId) nodeIs(c.spiffe, filters.spiffeId);
  if (filters.parentId) nodeIs(c.parent, filters.parentId);
  if (filters.selectors?.length) {
    const keys = filters.selectors.map((s) => `${s.type}:${s.value}`);
    tests.push(setTest(index, (slot) => c.selectorRange(slot), keys, filters.match ?? "superset"));
  }
  if (filters.federatesWith?.length) {
    const mode = filters.federatesWithMatch ?? "superset";
    tests.push(setTest(index, (slot) => c.federatesRange(slot), filters.federatesWith, mode));
  }
  if (filters.hint !== undefined) {
    const hint = c.texts.find(filters.hint);
    tests.push((slot) => c.hint.data[slot] === hint);
  }
  if (filters.downstream !== undefined) {
    const want = filters.downstream;
    tests.push((slot) => c.flagOf(slot, "downstream") === want);
  }
  if (filters.spiffeIdContains) tests.push(containsTest(index, filters.spiffeIdContains));
  return (slot) => tests.every((test) => test(slot));
}
