import type { RangeSeries } from "@/lib/prometheus/types";
import { spireLabelValue } from "@/lib/telemetry/spire-label-value";

import { type FetchObservations, findLastIncrease } from "./judge-freshness";

const latest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * Reads one trust domain's fetches from the series of `spire_server_bundle_manager_fetch_federated_bundle` by
 * `trust_domain_id` and `status`: when a fetch last succeeded (status OK rose) and last failed (any other status rose).
 */
export function summarizeFetches(
  series: readonly RangeSeries[],
  trustDomain: string,
  window: { start: number; step: number },
): FetchObservations {
  const label = spireLabelValue(trustDomain);
  // Data may start after the window does (a Prometheus or a console that just started): series present from the
  // first data are not new, so only what rose after that start counts.
  const firsts = series.map((s) => s.points[0]?.t).filter((t): t is number => t !== undefined);
  const start = Math.max(window.start, firsts.length ? Math.min(...firsts) : window.start);
  const observed: FetchObservations = {
    windowStart: start,
    lastSuccessAt: null,
    lastFailureAt: null,
    lastFailureStatus: null,
  };
  for (const s of series) {
    if (s.labels.trust_domain_id !== label) continue;
    const at = findLastIncrease(s.points, start, window.step);
    if (s.labels.status === "OK") observed.lastSuccessAt = latest(observed.lastSuccessAt, at);
    else if (at !== null && (observed.lastFailureAt === null || at > observed.lastFailureAt)) {
      observed.lastFailureAt = at;
      observed.lastFailureStatus = s.labels.status ?? "unknown";
    }
  }
  return observed;
}
