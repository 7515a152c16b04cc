import type { ExpositionSample, Labels } from "./types";

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

function unescape(value: string): string {
  return value.replace(/\\(["\\n])/g, (_, c: string) => (c === "n" ? "\n" : c));
}

function parseValue(raw: string): number {
  if (raw === "+Inf") return Infinity;
  if (raw === "-Inf") return -Infinity;
  return Number(raw);
}

/**
 * Parses Prometheus's text exposition format (what SPIRE's `telemetry { Prometheus {} }` serves): one sample per
 * line, comments and blank lines skipped, lines that are not samples ignored (counted in `skipped`).
 */
export function parseExposition(text: string): { samples: ExpositionSample[]; skipped: number } {
  const samples: ExpositionSample[] = [];
  let skipped = 0;
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("#")) continue;
    const match = sampleLine.exec(trimmed);
    if (!match) {
      skipped++;
      continue;
    }
    const labels: Labels = {};
    for (const pair of (match[2] ?? "").matchAll(labelPair)) labels[pair[1]!] = unescape(pair[2]!);
    samples.push({ name: match[1]!, labels, value: parseValue(match[3]!) });
  }
  return { samples, skipped };
}
