/** An expanded tree row: the SPIFFE ID whose children it shows, whether it is the Orphans group, pages loaded. */
export type TreeExpansion = { spiffeId: string; orphans: boolean; pages: number };

const ROOT = "server";
const ORPHANS = `${ROOT}/orphans`;

/**
 * The tree's expanded rows as `?expand=` values, so Back and a shared link reopen the same rows:
 * `orphans` for the Orphans group, else `<row key> <SPIFFE ID>` (row keys and IDs hold no spaces).
 * The root is always expanded and not written.
 */
export function expansionToParams(expanded: ReadonlyMap<string, TreeExpansion>): string[] {
  const values: string[] = [];
  for (const [key, e] of expanded) {
    if (key === ROOT) continue;
    values.push(key === ORPHANS ? "orphans" : `${key} ${e.spiffeId}`);
  }
  return values;
}

/** The expanded rows named by `?expand=` values (unreadable values are ignored), always with the root. */
export function expansionFromParams(values: readonly string[]): Map<string, TreeExpansion> {
  const map = new Map<string, TreeExpansion>([[ROOT, { spiffeId: "", orphans: false, pages: 1 }]]);
  for (const value of values) {
    if (value === "orphans") {
      map.set(ORPHANS, { spiffeId: "", orphans: true, pages: 1 });
      continue;
    }
    const [key, spiffeId, ...rest] = value.split(" ");
    if (!key?.startsWith(`${ROOT}/`) || !spiffeId?.startsWith("spiffe://") || rest.length) continue;
    map.set(key, { spiffeId, orphans: false, pages: 1 });
  }
  return map;
}
