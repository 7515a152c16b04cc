import type { Entry } from "@/lib/spire/types";

const sorted = (items: readonly string[]) => [...items].sort();

/** Everything about an entry except its ID, parent and server-set fields, in a comparable form. */
function signature(entry: Entry): string {
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

/**
 * Exact duplicates under different parents: entries equal in everything but their ID and parent.
 * The oldest of each group is kept; every other member is reported with the one it duplicates.
 */
export function findDuplicates(entries: readonly Entry[]): { entry: Entry; keeps: Entry }[] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = signature(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const out: { entry: Entry; keeps: Entry }[] = [];
  for (const group of groups.values()) {
    if (group.length < 2 || new Set(group.map((e) => e.parentId)).size < 2) continue;
    const [keeps, ...rest] = [...group].sort(olderFirst);
    for (const entry of rest) if (entry.parentId !== keeps!.parentId) out.push({ entry, keeps: keeps! });
  }
  return out;
}
