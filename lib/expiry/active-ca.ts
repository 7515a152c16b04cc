import type { X509Authority } from "@/lib/spire/types";

import type { CaWindow } from "./ttl-cap";

/**
 * Finds the active X.509 CA among a bundle's authorities: the LocalAuthority API names the
 * active authority only by its expiry, so it is the certificate whose not-after matches it
 * (to the second). Null when none matches.
 */
export function findActiveCa(authorities: readonly X509Authority[], activeExpiresAt: string | null): CaWindow | null {
  if (!activeExpiresAt) return null;
  const active = Date.parse(activeExpiresAt);
  const match = authorities.find((a) => a.notAfter && Math.abs(Date.parse(a.notAfter) - active) < 1000);
  return match?.notBefore && match.notAfter ? { notBefore: match.notBefore, notAfter: match.notAfter } : null;
}
