import type { Entry } from "@/lib/spire/types";

const sorted = (items: readonly string[]) => [...items].sort();

/** Everything about an entry except its ID, parent and server-set fields, in a comparable form. */
export function signature(entry: Entry): string {
  return JSON.stringify([
    entry.spiffeId,
    sorted(entry.selectors.map((s) => `${s.type}:${s.value}`)),
    entry.x509SvidTtl,
    entry.jwtSvidTtl,
    sorted(entry.federatesWith),
    sorted(entry.dnsNames),
    entry.admin,
    entry.downstream,
    entry.hint,
    entry.storeSvid,
    entry.expiresAt,
    entry.additionalAttributes,
  ]);
}

const olderFirst = (a: Entry, b: Entry) =>
  (a.createdAt ?? "").localeCompare(b.createdAt ?? "") || a.id.localeCompare(b.id);

export type Duplicate = { entry: Entry; keeps: Entry };

/**
 * The duplicates among entries of one signature: the oldest is kept; every other member under
 * another parent than the kept one is reported with it. Nothing when all share one parent.
 */
export function duplicatesInGroup(group: readonly Entry[]): Duplicate[] {
  if (group.length < 2 || new Set(group.map((e) => e.parentId)).size < 2) return [];
  const [keeps, ...rest] = [...group].sort(olderFirst);
  return rest.filter((entry) => entry.parentId !== keeps!.parentId).map((entry) => ({ entry, keeps: keeps! }));
}

/** Groups entries by `signature`, in order of first appearance. */
export function groupBySignature(entries: readonly Entry[]): Entry[][] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = signature(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()];
}

/**
 * Exact duplicates under different parents: entries equal in everything but their ID and parent.
 * The oldest of each group is kept; every other member is reported with the one it duplicates.
 */
export function findDuplicates(entries: readonly Entry[]): Duplicate[] {
  return groupBySignature(entries).flatMap(duplicatesInGroup);
}
