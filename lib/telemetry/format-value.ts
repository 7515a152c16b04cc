import { formatAbsolute } from "@/lib/format/time";

import type { PanelUnit } from "./signals";

/** A panel value as shown: integers as they are, else two significant digits (one decimal from 10), with its unit. */
export function formatPanelValue(value: number, unit: PanelUnit): string {
  if (!Number.isFinite(value)) return "–";
  if (unit === "timestamp") return formatAbsolute(new Date(value * 1000).toISOString());
  const rounded = Number.isInteger(value)
    ? String(value)
    : Math.abs(value) >= 10
      ? value.toFixed(1)
      : value.toPrecision(2);
  if (unit === "milliseconds") return `${rounded} ms`;
  if (unit === "per-second") return `${rounded}/s`;
  return rounded;
}

/** A chart axis tick: like a value, but a timestamp as its short UTC date and time. */
export function formatAxisTick(value: number, unit: PanelUnit): string {
  if (unit !== "timestamp") return formatPanelValue(value, unit);
  return new Date(value * 1000).toISOString().slice(5, 16).replace("T", " ");
}
