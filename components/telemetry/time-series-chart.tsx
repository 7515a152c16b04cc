"use client";

import "uplot/dist/uPlot.min.css";

import { useEffect, useRef } from "react";
import type uPlot from "uplot";

import { alignSeries } from "@/lib/telemetry/align-series";
import { formatAxisTick, formatPanelValue } from "@/lib/telemetry/format-value";
import type { PanelUnit } from "@/lib/telemetry/signals";
import type { PanelSeries } from "@/lib/telemetry/types";

import { PALETTE_CLASSES, useChartColors } from "./use-chart-colors";

type Props = {
  title: string;
  unit: PanelUnit;
  series: PanelSeries[];
  range: { start: number; end: number; step: number };
};

/** A line chart of one panel query (uPlot), as wide as its card, redrawn on resize and theme change. */
export function TimeSeriesChart({ title, unit, series, range }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const palette = useRef<HTMLDivElement>(null);
  const colors = useChartColors(palette);
  useEffect(() => {
    const el = box.current;
    if (!el || !colors) return;
    let chart: uPlot | null = null;
    let cancelled = false;
    const axis = { stroke: colors.axis, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid } };
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const options: uPlot.Options = {
        width: el.clientWidth,
        height: 180,
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        axes: [
          axis,
          {
            ...axis,
            size: unit === "timestamp" ? 90 : 60,
            values: (_u, ticks) => ticks.map((v) => formatAxisTick(v, unit)),
          },
        ],
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.legend || "value",
            stroke: colors.series[i % colors.series.length],
            width: 2,
            // Points too, so a series with only a few samples (a new Prometheus) still shows.
            points: { show: true, size: 4 },
            value: (_u: uPlot, v: number | null) => (v === null ? "–" : formatPanelValue(v, unit)),
          })),
        ],
      };
      chart = new UPlot(options, alignSeries(series, range) as uPlot.AlignedData, el);
    });
    const resize = new ResizeObserver(() => chart?.setSize({ width: el.clientWidth, height: 180 }));
    resize.observe(el);
    return () => {
      cancelled = true;
      resize.disconnect();
      chart?.destroy();
    };
  }, [colors, series, range, unit]);
  return (
    <figure className="min-w-0 text-slate-700">
      <div ref={box} role="img" aria-label={`${title}: chart of the last hour`} className="w-full min-w-0" />
      <div ref={palette} aria-hidden="true" className="hidden">
        {PALETTE_CLASSES.map((c) => (
          <span key={c} className={c} />
        ))}
        <span className="text-slate-600" />
        <span className="text-slate-200" />
      </div>
    </figure>
  );
}
