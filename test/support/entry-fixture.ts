// A registration entry with SPIRE's defaults for unit tests: only what a test cares about is given.
import type { Entry } from "../../lib/spire/types";

/** An entry with every field at SPIRE's default (no TTLs, lists or flags, never expires), then `fields`. */
export function entryWith(fields: Pick<Entry, "id" | "spiffeId" | "parentId"> & Partial<Entry>): Entry {
  return {
    selectors: [],
    x509SvidTtl: 0,
    jwtSvidTtl: 0,
    federatesWith: [],
    dnsNames: [],
    admin: false,
    downstream: false,
    hint: "",
    storeSvid: false,
    expiresAt: null,
    createdAt: null,
    revisionNumber: 0,
    additionalAttributes: { disableX509SvidPrefetch: false, jwtSvidIncludeJti: false },
    ...fields,
  };
}
