"use client";

import { type RefObject, useEffect, useState } from "react";

/** The Tailwind text classes of the chart palette: their computed colours follow the light or dark theme. */
export const PALETTE_CLASSES = ["text-sky-600", "text-red-600", "text-emerald-600", "text-amber-600", "text-slate-600"];

function readColors(palette: HTMLElement): { series: string[]; axis: string; grid: string } {
  const spans = [...palette.querySelectorAll("span")].map((s) => getComputedStyle(s).color);
  return { series: spans.slice(0, PALETTE_CLASSES.length), axis: spans.at(-2) ?? "gray", grid: spans.at(-1) ?? "gray" };
}

/**
 * The chart's colours read from a hidden palette element, read again when the theme changes (system setting or the
 * class on <html>), so the canvas stays readable in both themes.
 */
export function useChartColors(palette: RefObject<HTMLElement | null>) {
  const [colors, setColors] = useState<ReturnType<typeof readColors> | null>(null);
  useEffect(() => {
    const update = () => palette.current && setColors(readColors(palette.current));
    update();
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    return () => {
      media.removeEventListener("change", update);
      observer.disconnect();
    };
  }, [palette]);
  return colors;
}
