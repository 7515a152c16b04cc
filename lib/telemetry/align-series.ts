import type { PanelSeries } from "./types";

/**
 * Puts series on one time axis for a chart (uPlot's columnar data): the range's timestamps first, then one column
 * per series with null where it has no point.
 */
export function alignSeries(
  series: readonly PanelSeries[],
  range: { start: number; end: number; step: number },
): [number[], ...(number | null)[][]] {
  const times: number[] = [];
  for (let t = range.start; t <= range.end; t += range.step) times.push(t);
  const columns = series.map((s) => {
    const byTime = new Map(s.points.map((p) => [p.t, Number.isFinite(p.v) ? p.v : null]));
    return times.map((t) => byTime.get(t) ?? null);
  });
  return [times, ...columns];
}
