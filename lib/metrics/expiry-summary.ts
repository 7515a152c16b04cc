import { urgencyThresholds } from "@/lib/expiry/classify-expiry";
import type { Agent, Bundle, Entry, LocalAuthorities } from "@/lib/spire/types";

/** What one server's expiry gauges are computed from (all read from the server at one time). */
export type ExpirySources = {
  authorities: LocalAuthorities;
  agents: readonly Pick<Agent, "x509SvidExpiresAt">[];
  federated: readonly Pick<Bundle, "trustDomain" | "x509Authorities">[];
  entries: readonly Pick<Entry, "expiresAt">[];
};

export type ExpiryWindow = "expired" | "24h" | "7d";

/** One server's expiry gauges, in whole seconds until expiry (negative once expired); null when absent. */
export type ExpirySummary = {
  x509Authority: number | null;
  jwtAuthority: number | null;
  earliestAgentSvid: number | null;
  federated: { trustDomain: string; seconds: number }[];
  expiring: { kind: "entry" | "agent"; within: ExpiryWindow; count: number }[];
};

/** Seconds from `nowSeconds` until an ISO time, in whole seconds (SPIRE's times are whole seconds). */
function secondsUntil(iso: string | null | undefined, nowSeconds: number): number | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : Math.floor(at / 1000) - nowSeconds;
}

function earliest(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.min(...present) : null;
}

/**
 * Counts what is already expired, and what expires within a day and within a week (cumulative:
 * the week includes the day). The windows are the Expiry page's critical and warning classes.
 */
function countWindows(left: readonly (number | null)[]): Record<ExpiryWindow, number> {
  const day = urgencyThresholds.critical / 1000;
  const week = urgencyThresholds.warning / 1000;
  const present = left.filter((v): v is number => v !== null);
  return {
    expired: present.filter((s) => s <= 0).length,
    "24h": present.filter((s) => s > 0 && s <= day).length,
    "7d": present.filter((s) => s > 0 && s <= week).length,
  };
}

/** Computes a server's expiry gauges at `nowSeconds` (Unix time, whole seconds). */
export function summarizeExpiry(sources: ExpirySources, nowSeconds: number): ExpirySummary {
  const until = (iso: string | null | undefined) => secondsUntil(iso, nowSeconds);
  const agentLeft = sources.agents.map((a) => until(a.x509SvidExpiresAt));
  const entryLeft = sources.entries.map((e) => until(e.expiresAt));
  const windows = { entry: countWindows(entryLeft), agent: countWindows(agentLeft) };
  return {
    x509Authority: until(sources.authorities.x509.active?.expiresAt),
    jwtAuthority: until(sources.authorities.jwt.active?.expiresAt),
    earliestAgentSvid: earliest(agentLeft),
    federated: sources.federated.flatMap((bundle) => {
      const seconds = earliest(bundle.x509Authorities.map((ca) => until(ca.notAfter)));
      return seconds === null ? [] : [{ trustDomain: bundle.trustDomain, seconds }];
    }),
    expiring: (["entry", "agent"] as const).flatMap((kind) =>
      (["expired", "24h", "7d"] as const).map((within) => ({ kind, within, count: windows[kind][within] })),
    ),
  };
}
