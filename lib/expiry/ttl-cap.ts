import { formatDuration } from "@/lib/format/time";

/**
 * SPIRE's rule (pkg/server/credtemplate/builder.go, computeCappedLifetime): an X509-SVID's
 * not-after is `min(now + ttl, notAfter of the signing X.509 CA)`, so the TTL an entry asks for
 * is silently cut to the active CA's remaining lifetime. The CA manager (pkg/server/ca/manager)
 * activates the next CA when the active one has `min(lifetime / 6, 7 days)` left, so only TTLs up
 * to that bound (`MaxSVIDTTLForCATTL`) are guaranteed in full; longer ones are cut short whenever
 * they are issued late in a CA's life.
 */
export const ACTIVATION_DIVISOR = 6;
export const ACTIVATION_CAP_SECONDS = 7 * 86_400;

/** The X.509 CA that signs SVIDs now. */
export type CaWindow = { notBefore: string; notAfter: string };

export type TtlCheck = {
  requestedSeconds: number;
  /** What an SVID issued right now would get. */
  effectiveNowSeconds: number;
  /** The longest TTL SPIRE can always honour with this CA's lifetime. */
  guaranteedSeconds: number;
  status: "ok" | "at-risk" | "capped";
  explanation: string;
};

/** `min(CA lifetime / 6, 7 days)` in seconds — SPIRE's MaxSVIDTTLForCATTL. */
export function guaranteedMaxTtl(ca: CaWindow): number {
  const lifetime = (Date.parse(ca.notAfter) - Date.parse(ca.notBefore)) / 1000;
  return Math.floor(Math.min(lifetime / ACTIVATION_DIVISOR, ACTIVATION_CAP_SECONDS));
}

/**
 * Checks an entry's X509-SVID TTL (seconds; 0 = server default, which the API does not expose,
 * so it is not checked) against the active CA at `now`.
 */
export function checkX509SvidTtl(requestedSeconds: number, ca: CaWindow, now: number): TtlCheck | null {
  if (requestedSeconds <= 0) return null;
  const remaining = Math.max(0, Math.floor((Date.parse(ca.notAfter) - now) / 1000));
  const guaranteed = guaranteedMaxTtl(ca);
  const effective = Math.min(requestedSeconds, remaining);
  const asked = formatDuration(requestedSeconds);
  if (requestedSeconds > remaining) {
    return {
      requestedSeconds,
      effectiveNowSeconds: effective,
      guaranteedSeconds: guaranteed,
      status: "capped",
      explanation: `Asks for ${asked}, but the active X.509 CA expires in ${formatDuration(remaining)}: SPIRE caps the SVID at the CA's not-after, so it gets ${formatDuration(effective)}.`,
    };
  }
  if (requestedSeconds > guaranteed) {
    return {
      requestedSeconds,
      effectiveNowSeconds: effective,
      guaranteedSeconds: guaranteed,
      status: "at-risk",
      explanation: `Asks for ${asked}; the CA's lifetime only guarantees ${formatDuration(guaranteed)} (lifetime ÷ 6, at most 7 days). SVIDs issued late in a CA's life are cut to its remaining lifetime.`,
    };
  }
  return {
    requestedSeconds,
    effectiveNowSeconds: effective,
    guaranteedSeconds: guaranteed,
    status: "ok",
    explanation: `${asked} is within what the CA guarantees.`,
  };
}
