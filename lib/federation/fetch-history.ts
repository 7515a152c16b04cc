import "server-only";

import type { PrometheusConfig } from "@/lib/config/prometheus-schema";
import { queryRange } from "@/lib/prometheus/promql";
import { scrapeTelemetry } from "@/lib/prometheus/scrape-telemetry";
import type { RangeSeries } from "@/lib/prometheus/types";

const FETCH_METRIC = "spire_server_bundle_manager_fetch_federated_bundle";
/** How far back the fetch history reaches. */
export const HISTORY_SECONDS = 3600;
/** Scrapes of a telemetry endpoint closer together than this reuse the last one. */
const MIN_SCRAPE_GAP_SECONDS = 5;

type Snapshot = { t: number; values: Map<string, number> };
type History = { snapshots: Snapshot[] };

// On globalThis so every route bundle of the Next server shares one history per server.
const globalForHistory = globalThis as typeof globalThis & { __spireFetchHistory?: Map<string, History> };
const histories = (globalForHistory.__spireFetchHistory ??= new Map());

export type FetchSeries = { series: RangeSeries[]; window: { start: number; step: number } };

/** The fetch counters of `server` over the last hour from Prometheus, by trust domain and status. */
export async function queryFetchSeries(
  prometheus: PrometheusConfig,
  server: string,
  now: number,
): Promise<FetchSeries> {
  const step = 15;
  const end = Math.floor(now);
  const start = end - HISTORY_SECONDS;
  const expr = `sum by (trust_domain_id, status) (${FETCH_METRIC}{${prometheus.serverLabel}="${server.replace(/["\\]/g, "\\$&")}"})`;
  return { series: await queryRange(prometheus, expr, { start, end, step }), window: { start, step } };
}

/**
 * Scrapes the server's telemetry endpoint (at most every 5 s), keeps the fetch counters in this process's history
 * (one hour), and answers that history as series. Without Prometheus this is all the console can know: it starts
 * when the console first looks.
 */
export async function scrapeFetchSeries(
  server: string,
  url: string,
  timeoutMs: number,
  now: number,
): Promise<FetchSeries> {
  const history: History = histories.get(server) ?? { snapshots: [] };
  histories.set(server, history);
  const last = history.snapshots.at(-1);
  if (!last || now - last.t >= MIN_SCRAPE_GAP_SECONDS) {
    const samples = await scrapeTelemetry(url, timeoutMs, `${server}'s telemetry endpoint`);
    const values = new Map<string, number>();
    for (const s of samples) {
      if (s.name !== FETCH_METRIC) continue;
      const key = JSON.stringify([s.labels.trust_domain_id ?? "", s.labels.status ?? ""]);
      values.set(key, (values.get(key) ?? 0) + s.value);
    }
    history.snapshots.push({ t: now, values });
    history.snapshots = history.snapshots.filter((s) => s.t >= now - HISTORY_SECONDS);
  }
  return { series: toSeries(history.snapshots), window: { start: history.snapshots[0]!.t, step: 0 } };
}

function toSeries(snapshots: readonly Snapshot[]): RangeSeries[] {
  const byKey = new Map<string, RangeSeries>();
  for (const snapshot of snapshots) {
    for (const [key, v] of snapshot.values) {
      const [trustDomain, status] = JSON.parse(key) as [string, string];
      const series = byKey.get(key) ?? { labels: { trust_domain_id: trustDomain, status }, points: [] };
      series.points.push({ t: snapshot.t, v });
      byKey.set(key, series);
    }
  }
  return [...byKey.values()];
}
