import "server-only";

import { userMessage } from "@/lib/api/user-message";
import type { PrometheusConfig } from "@/lib/config/prometheus-schema";
import type { ServerConfig } from "@/lib/config/schema";
import { queryRange } from "@/lib/prometheus/promql";
import { scrapeTelemetry } from "@/lib/prometheus/scrape-telemetry";
import type { ExpositionSample } from "@/lib/prometheus/types";

import { buildGrafanaLink, buildPrometheusLink } from "./build-links";
import { buildLegend, buildPromql } from "./build-promql";
import { evaluateScrape } from "./evaluate-scrape";
import { readMetricSource } from "./metric-source";
import { PANELS, type Signal } from "./signals";
import type { PanelData, PanelQuery, TelemetryReport } from "./types";

/**
 * The span of the charts: the last hour, one point a minute, ending 30 s ago so that scrapes still in flight cannot
 * change the last point after it was read.
 */
export function chartRange(now: number, seconds = 3600, step = 60): { start: number; end: number; step: number } {
  const end = Math.floor(now) - 30;
  return { start: end - seconds, end, step };
}

async function rangeQuery(
  prometheus: PrometheusConfig,
  signal: Signal,
  server: string,
  range: TelemetryReport["range"] & object,
): Promise<PanelQuery> {
  const promql = buildPromql(signal, prometheus.serverLabel, server);
  const links = {
    prometheusUrl: buildPrometheusLink(prometheus, promql),
    grafanaUrl: buildGrafanaLink(prometheus, promql),
  };
  try {
    const series = await queryRange(prometheus, promql, range);
    return {
      promql,
      ...links,
      series: series
        .map((s) => ({ legend: buildLegend(signal, s.labels), labels: s.labels, points: s.points }))
        .sort((a, b) => a.legend.localeCompare(b.legend)),
    };
  } catch (error) {
    return { promql, ...links, series: [], problem: userMessage(error, `querying Prometheus for ${signal.id}`) };
  }
}

function scrapeQuery(signal: Signal, server: ServerConfig, samples: ExpositionSample[], at: number): PanelQuery {
  const promql = buildPromql(signal, "spire_server", server.name);
  if (signal.fleet) {
    const problem = "The agents' telemetry is read through Prometheus only (the console scrapes servers[].telemetry).";
    return { promql, series: [], problem };
  }
  return { promql, series: evaluateScrape(signal, samples, at), ...(signal.kind === "counter" ? { total: true } : {}) };
}

/**
 * Reads every panel of the "What SPIRE says" page for one server: PromQL range queries over the last hour against
 * the configured Prometheus (each with its deadline), else one scrape of the server's telemetry endpoint (current
 * values). Assumes the caller has authorized.
 */
export async function readTelemetryReport(server: ServerConfig, now = Date.now() / 1000): Promise<TelemetryReport> {
  const source = readMetricSource(server);
  const base = { server: server.name };
  const panel = async (spec: (typeof PANELS)[number], query: (signal: Signal) => Promise<PanelQuery> | PanelQuery) => {
    const { signals, ...rest } = spec;
    return { ...rest, queries: await Promise.all(signals.map(query)) } satisfies PanelData;
  };
  if (source.kind === "prometheus") {
    const range = chartRange(now);
    const panels = await Promise.all(
      PANELS.map((p) => panel(p, (s) => rangeQuery(source.prometheus, s, server.name, range))),
    );
    return { ...base, source: "prometheus", range, panels };
  }
  if (source.kind === "none") return { ...base, source: "none", range: null, panels: [] };
  let samples: ExpositionSample[];
  try {
    samples = await scrapeTelemetry(source.url, source.timeoutMs, `${server.name}'s telemetry endpoint`);
  } catch (error) {
    const problem = userMessage(error, `scraping ${server.name}'s telemetry`);
    return { ...base, source: "telemetry", range: null, panels: [], problem };
  }
  const at = Math.floor(now);
  const panels = await Promise.all(PANELS.map((p) => panel(p, (s) => scrapeQuery(s, server, samples, at))));
  return { ...base, source: "telemetry", range: null, panels };
}
