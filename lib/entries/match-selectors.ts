import type { Selector, SelectorMatchMode } from "@/lib/spire/types";

/** `type:value`, the one string form of a selector used for set comparisons. */
export function selectorKey(selector: Selector): string {
  return `${selector.type}:${selector.value}`;
}

/** The selectors of a list as a set of `type:value` keys. */
export function selectorSet(selectors: readonly Selector[]): Set<string> {
  return new Set(selectors.map(selectorKey));
}

/** True when every selector of `subset` is also in `superset` (an empty `subset` is always contained). */
export function isSelectorSubset(
  subset: readonly Selector[],
  superset: readonly Selector[] | ReadonlySet<string>,
): boolean {
  const keys = superset instanceof Set ? superset : selectorSet(superset as readonly Selector[]);
  return subset.every((s) => keys.has(selectorKey(s)));
}

/** True when `superset` holds every selector of `subset`. */
export function isSelectorSuperset(superset: readonly Selector[], subset: readonly Selector[]): boolean {
  return isSelectorSubset(subset, superset);
}

/** True when both lists hold the same selectors (order and duplicates ignored). */
export function sameSelectors(a: readonly Selector[], b: readonly Selector[]): boolean {
  const left = selectorSet(a);
  const right = selectorSet(b);
  return left.size === right.size && [...left].every((k) => right.has(k));
}

/**
 * Whether a record's selectors match a filter the way SPIRE's `BySelectors` does:
 * `exact` — the same set; `subset` — the record's selectors are a subset of the filter;
 * `superset` — the record has every filter selector; `any` — they share at least one.
 */
export function matchSelectors(
  recordSelectors: readonly Selector[],
  filter: readonly Selector[],
  mode: SelectorMatchMode,
): boolean {
  switch (mode) {
    case "exact":
      return sameSelectors(recordSelectors, filter);
    case "subset":
      return isSelectorSubset(recordSelectors, filter);
    case "superset":
      return isSelectorSubset(filter, recordSelectors);
    case "any": {
      const keys = selectorSet(recordSelectors);
      return filter.some((s) => keys.has(selectorKey(s)));
    }
  }
}

/** Like `matchSelectors`, for plain string sets (trust domains of `federatesWith`). */
export function matchStrings(record: readonly string[], filter: readonly string[], mode: SelectorMatchMode): boolean {
  const asSelectors = (list: readonly string[]) => list.map((value) => ({ type: "", value }));
  return matchSelectors(asSelectors(record), asSelectors(filter), mode);
}
