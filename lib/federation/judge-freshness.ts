import type { Point } from "@/lib/prometheus/types";
import type { Bundle } from "@/lib/spire/types";

/** SPIRE never refreshes a federated bundle more often than this (bundleutil.MinimumRefreshHint). */
export const MIN_REFRESH_HINT_SECONDS = 60;
/** A relationship is stale when its last successful fetch is older than this many refresh hints. */
export const STALE_AFTER_HINTS = 3;

/** What the fetch counters of one relationship say, over the window the console can see. */
export type FetchObservations = {
  /** Start of what was observed (Prometheus range start, or the console's first scrape). */
  windowStart: number;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  /** gRPC status name of the last failed fetch ("Unknown", "Unavailable", …). */
  lastFailureStatus: string | null;
};

/** Per relationship: is the partner's bundle fresh, and does the partner still serve us? */
export type FederationFreshness = {
  server: string;
  trustDomain: string;
  source: "prometheus" | "telemetry" | "none";
  /** The bundle's refresh hint as SPIRE applies it (at least 60 s); SPIRE fetches four times per hint. */
  refreshHintSeconds: number | null;
  observedSince: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  sequenceNumber: string | null;
  /**
   * When the console saw the partner's bundle change (sequence number or authorities; SPIRE stores fetched bundles
   * with sequence 0). Null: not seen changing while this console process watched.
   */
  sequenceChangedAt: string | null;
  /** Last success (or the start of observation, if none) older than three refresh hints. */
  stale: boolean;
  /** The most recent fetch failed: the partner's bundle endpoint no longer serves us. */
  partnerNotServing: boolean;
  /** Set when the partner's CA lives too briefly for the refresh hint: its next CA may be missed. */
  caTtlWarning: string | null;
  /** Why no fetch history is known (no telemetry, Prometheus failed). */
  problem: string | null;
};

const iso = (seconds: number | null) => (seconds === null ? null : new Date(seconds * 1000).toISOString());
const lifetime = (a: Bundle["x509Authorities"][number]) =>
  a.notBefore && a.notAfter ? (Date.parse(a.notAfter) - Date.parse(a.notBefore)) / 1000 : null;

/** The interval SPIRE refreshes `bundle` at (bundleutil.CalculateRefreshHint): hint, else a tenth of the CA life. */
export function effectiveRefreshHint(bundle: Bundle | null): number | null {
  if (!bundle) return null;
  if (bundle.refreshHint > 0) return Math.max(bundle.refreshHint, MIN_REFRESH_HINT_SECONDS);
  const lives = bundle.x509Authorities.map(lifetime).filter((l): l is number => l !== null);
  if (lives.length === 0) return MIN_REFRESH_HINT_SECONDS;
  return Math.max(Math.min(...lives) / 10, MIN_REFRESH_HINT_SECONDS);
}

/**
 * Warns when the partner's newest X.509 CA lives too briefly for the refresh hint. SPIRE publishes its next CA at
 * half the current one's life (at most 30 days before expiry) and starts signing with it at a sixth (at most 7
 * days): a subscriber up to three refresh hints behind must fetch within that gap or reject the new CA's SVIDs.
 */
export function findCaTtlWarning(bundle: Bundle | null, hintSeconds: number | null): string | null {
  if (!bundle || hintSeconds === null) return null;
  const newest = [...bundle.x509Authorities].sort((a, b) => (b.notBefore ?? "").localeCompare(a.notBefore ?? ""))[0];
  const ttl = newest ? lifetime(newest) : null;
  if (ttl === null) return null;
  const day = 86_400;
  const gap = Math.min(ttl / 2, 30 * day) - Math.min(ttl / 6, 7 * day);
  if (STALE_AFTER_HINTS * hintSeconds < gap) return null;
  return (
    `The CA TTL (${Math.round(ttl)} s) is too short for the refresh hint (${hintSeconds} s): ${bundle.trustDomain} ` +
    `publishes its next CA about ${Math.round(gap)} s before using it, less than ${STALE_AFTER_HINTS} refresh hints.`
  );
}

/** The time of the last increase of a counter's points (a drop to a positive value is a restart, so it counts). */
export function findLastIncrease(points: readonly Point[], windowStart: number, step: number): number | null {
  for (let i = points.length - 1; i > 0; i--) {
    const prev = points[i - 1]!;
    const cur = points[i]!;
    if (cur.v > prev.v || (cur.v < prev.v && cur.v > 0)) return cur.t;
  }
  const first = points[0];
  // A series that appears inside the window (its first fetch with that status) increased then.
  return first && first.v > 0 && first.t > windowStart + step ? first.t : null;
}

type Input = {
  server: string;
  trustDomain: string;
  source: FederationFreshness["source"];
  bundle: Bundle | null;
  fetches: FetchObservations | null;
  sequence: { number: string | null; changedAt: number | null };
  /** The console's own last refresh of this bundle, if it failed later than SPIRE's last failure. */
  refreshError?: { at: number; message: string } | null;
  problem?: string | null;
  now: number;
};

/** Judges one relationship's freshness from its bundle, its fetch counters and the sequence numbers seen. */
export function judgeFreshness(input: Input): FederationFreshness {
  const hint = effectiveRefreshHint(input.bundle);
  const f = input.fetches;
  const reference = f ? (f.lastSuccessAt ?? f.windowStart) : null;
  const stale = hint !== null && reference !== null && input.now - reference > STALE_AFTER_HINTS * hint;
  const failedLast = f?.lastFailureAt != null && (f.lastSuccessAt === null || f.lastFailureAt > f.lastSuccessAt);
  const refreshError = input.refreshError ?? null;
  const useRefresh = refreshError !== null && refreshError.at > (f?.lastFailureAt ?? 0);
  const lastErrorAt = useRefresh ? refreshError.at : (f?.lastFailureAt ?? null);
  const lastError = useRefresh
    ? refreshError.message
    : f?.lastFailureStatus
      ? `SPIRE's fetch of the bundle failed with status ${f.lastFailureStatus}`
      : null;
  return {
    server: input.server,
    trustDomain: input.trustDomain,
    source: input.source,
    refreshHintSeconds: hint,
    observedSince: iso(f?.windowStart ?? null),
    lastSuccessAt: iso(f?.lastSuccessAt ?? null),
    lastErrorAt: iso(lastErrorAt),
    lastError,
    sequenceNumber: input.sequence.number,
    sequenceChangedAt: iso(input.sequence.changedAt),
    stale,
    partnerNotServing: failedLast,
    caTtlWarning: findCaTtlWarning(input.bundle, hint),
    problem: input.problem ?? null,
  };
}
