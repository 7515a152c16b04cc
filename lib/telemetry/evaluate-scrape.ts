import type { ExpositionSample, Labels } from "@/lib/prometheus/types";

import { buildLegend } from "./build-promql";
import type { Signal } from "./signals";
import type { PanelSeries } from "./types";

function matches(sample: ExpositionSample, signal: Signal): boolean {
  if (sample.name !== signal.metric) return false;
  if (signal.kind === "quantile" && sample.labels.quantile !== (signal.quantile ?? "0.99")) return false;
  return Object.entries(signal.match ?? {}).every(([label, value]) =>
    value.startsWith("!") ? sample.labels[label] !== value.slice(1) : sample.labels[label] === value,
  );
}

function combine(values: number[], agg: NonNullable<Signal["agg"]>): number {
  const real = values.filter((v) => !Number.isNaN(v));
  if (agg === "count") return values.length;
  if (real.length === 0) return NaN;
  return agg === "max" ? Math.max(...real) : real.reduce((a, b) => a + b, 0);
}

/**
 * Evaluates one signal on one scrape of a server's telemetry endpoint: the current value of each group (a counter
 * is its total since the server started, not a per-window increase). Same grouping and aggregation as the PromQL.
 */
export function evaluateScrape(signal: Signal, samples: readonly ExpositionSample[], at: number): PanelSeries[] {
  const groups = new Map<string, { labels: Labels; values: number[] }>();
  for (const sample of samples) {
    if (!matches(sample, signal)) continue;
    const labels: Labels = Object.fromEntries((signal.by ?? []).map((l) => [l, sample.labels[l] ?? ""]));
    const key = JSON.stringify(labels);
    const group = groups.get(key) ?? { labels, values: [] };
    group.values.push(sample.value);
    groups.set(key, group);
  }
  const agg = signal.agg ?? (signal.kind === "counter" ? "sum" : "max");
  return [...groups.values()]
    .map((g) => ({
      legend: buildLegend(signal, g.labels),
      labels: g.labels,
      points: [{ t: at, v: combine(g.values, agg) }],
    }))
    .sort((a, b) => a.legend.localeCompare(b.legend));
}
