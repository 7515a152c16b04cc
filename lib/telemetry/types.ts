import type { Labels, Point } from "@/lib/prometheus/types";

import type { PanelUnit } from "./signals";

/** One line of a panel. */
export type PanelSeries = { legend: string; labels: Labels; points: Point[] };

/** One query of a panel: its PromQL (copyable), links to run it, and what it answered. */
export type PanelQuery = {
  promql: string;
  series: PanelSeries[];
  /** Why this query has no series (Prometheus failed, or the fallback cannot compute it). */
  problem?: string;
  prometheusUrl?: string;
  grafanaUrl?: string;
  /** A counter read from the telemetry endpoint: its total since the server started, not a rate or increase. */
  total?: boolean;
};

export type PanelData = { id: string; title: string; description: string; unit: PanelUnit; queries: PanelQuery[] };

/**
 * What the "What SPIRE says" page shows for one server. `prometheus`: series over `range`; `telemetry`: the server's
 * own endpoint scraped once (current values, counters as totals since the server started); `none`: neither is set.
 */
export type TelemetryReport = {
  server: string;
  source: "prometheus" | "telemetry" | "none";
  range: { start: number; end: number; step: number } | null;
  panels: PanelData[];
  /** A problem of the whole source (the scrape failed), shown once above the panels. */
  problem?: string;
};
