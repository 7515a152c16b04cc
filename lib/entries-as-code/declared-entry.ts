import { entryFields } from "@/lib/schemas/entry-input";
import type { Entry, Selector } from "@/lib/spire/types";

import type { DeclaredEntry } from "./types";

/** Every field of a declared entry with SPIRE's defaults filled in, as compared with a live entry. */
export type CanonicalEntry = Required<Omit<DeclaredEntry, "id" | "additionalAttributes">> & {
  additionalAttributes: { disableX509SvidPrefetch: boolean; jwtSvidIncludeJti: boolean };
};

/** The fields a plan compares, in display order (the entry ID is the match key, never changed). */
export const comparedFields = entryFields as readonly (keyof CanonicalEntry)[];

const bySelector = (a: Selector, b: Selector) =>
  a.type < b.type ? -1 : a.type > b.type ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;

const bareDomain = (td: string) => (td.startsWith("spiffe://") ? td.slice(9) : td);

/** Expiry to whole seconds, as SPIRE keeps it, in ISO form; null for never. */
function canonicalExpiry(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/**
 * The comparable form of a declared or live entry: defaults filled in, selectors and federated
 * trust domains sorted (SPIRE treats them as sets), DNS names kept in order (the first is the CN).
 */
export function canonicalEntry(entry: DeclaredEntry | Entry): CanonicalEntry {
  return {
    spiffeId: entry.spiffeId,
    parentId: entry.parentId,
    selectors: entry.selectors.map(({ type, value }) => ({ type, value })).sort(bySelector),
    x509SvidTtl: entry.x509SvidTtl ?? 0,
    jwtSvidTtl: entry.jwtSvidTtl ?? 0,
    federatesWith: [...new Set((entry.federatesWith ?? []).map(bareDomain))].sort(),
    dnsNames: [...(entry.dnsNames ?? [])],
    admin: entry.admin ?? false,
    downstream: entry.downstream ?? false,
    hint: entry.hint ?? "",
    storeSvid: entry.storeSvid ?? false,
    expiresAt: canonicalExpiry(entry.expiresAt),
    additionalAttributes: {
      disableX509SvidPrefetch: entry.additionalAttributes?.disableX509SvidPrefetch ?? false,
      jwtSvidIncludeJti: entry.additionalAttributes?.jwtSvidIncludeJti ?? false,
    },
  };
}

/** SPIRE's own identity of an entry: SPIFFE ID, parent ID and the selector set. */
export function entryKey(entry: { spiffeId: string; parentId: string; selectors: Selector[] }): string {
  const selectors = entry.selectors.map((s) => `${s.type}:${s.value}`).sort();
  return `${entry.spiffeId}\n${entry.parentId}\n${selectors.join("\n")}`;
}

/** A live entry as declared in a file: its ID kept, default values left out. */
export function declareEntry(entry: Entry): DeclaredEntry {
  const out: DeclaredEntry = {
    id: entry.id,
    spiffeId: entry.spiffeId,
    parentId: entry.parentId,
    selectors: entry.selectors.map(({ type, value }) => ({ type, value })),
  };
  if (entry.x509SvidTtl) out.x509SvidTtl = entry.x509SvidTtl;
  if (entry.jwtSvidTtl) out.jwtSvidTtl = entry.jwtSvidTtl;
  if (entry.federatesWith.length) out.federatesWith = [...entry.federatesWith];
  if (entry.dnsNames.length) out.dnsNames = [...entry.dnsNames];
  if (entry.admin) out.admin = true;
  if (entry.downstream) out.downstream = true;
  if (entry.hint) out.hint = entry.hint;
  if (entry.storeSvid) out.storeSvid = true;
  if (entry.expiresAt) out.expiresAt = canonicalExpiry(entry.expiresAt);
  const { disableX509SvidPrefetch, jwtSvidIncludeJti } = entry.additionalAttributes;
  if (disableX509SvidPrefetch || jwtSvidIncludeJti) {
    out.additionalAttributes = {
      ...(disableX509SvidPrefetch ? { disableX509SvidPrefetch } : {}),
      ...(jwtSvidIncludeJti ? { jwtSvidIncludeJti } : {}),
    };
  }
  return out;
}
