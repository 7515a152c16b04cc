import { z } from "zod";

import { MAX_TTL_SECONDS } from "./entry-input";
import { parseSelector } from "./selector";
import { spiffeIdPrefixSchema, trustDomainSchema } from "./spiffe-id";

/** A selector prefix such as `k8s:ns:team-a`, `unix:uid` or `unix:user:team-a-*` (lib/auth/entry-bounds.ts). */
const selectorPrefixSchema = z.string().superRefine((value, ctx) => {
  const parsed = parseSelector(value);
  if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
});

const ttlCeiling = (label: string) =>
  z
    .number()
    .int(`${label} must be whole seconds`)
    .min(0, `${label} must not be negative`)
    .max(MAX_TTL_SECONDS, `${label} must be at most ${MAX_TTL_SECONDS} seconds`);

/**
 * What an editor or operator binding lets its holder put on an entry, beyond the SPIFFE-ID path
 * (lib/auth/entry-bounds.ts). Deny by default: a key left out allows nothing (no parent, no
 * selector, no TTL above the server default, no federation, no storeSvid). Shared by config
 * bindings and API-token bindings.
 */
export const entryBoundsShape = {
  /** Parents an entry may have: agent or node-alias ID prefixes, whole segments. */
  parentIdPrefixes: z.array(spiffeIdPrefixSchema).min(1).max(50).optional(),
  /** Every entry must carry at least one selector equal to one of these or under it (`prefix:...`). */
  selectorPrefixes: z.array(selectorPrefixSchema).min(1).max(50).optional(),
  /** Highest X509-SVID TTL in seconds; absent: only the server default (0). */
  maxX509SvidTtl: ttlCeiling("maxX509SvidTtl").optional(),
  /** Highest JWT-SVID TTL in seconds; absent: only the server default (0). */
  maxJwtSvidTtl: ttlCeiling("maxJwtSvidTtl").optional(),
  /** Trust domains an entry may federate with; absent: none. */
  federatesWith: z.array(trustDomainSchema).min(1).max(50).optional(),
  /** Whether entries may set storeSvid (the SVID goes to a SVIDStore plugin); absent: no. */
  storeSvid: z.boolean().optional(),
};
