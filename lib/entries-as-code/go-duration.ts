const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 0.000001, µs: 0.000001, ns: 1e-9 };

/** Seconds as Go's time.Duration prints them (metav1.Duration in YAML): 3600 → "1h0m0s", 90 → "1m30s". */
export function formatGoDuration(seconds: number): string {
  if (seconds === 0) return "0s";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/** A Go duration string ("1h", "1h30m", "90s", "0s") to whole seconds, or null when it is not one. */
export function parseGoDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "0") return 0;
  const parts = /^(?:\d+(?:\.\d+)?(?:h|m|s|ms|us|µs|ns))+$/.test(trimmed)
    ? [...trimmed.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g)]
    : null;
  if (!parts) return null;
  const total = parts.reduce((sum, [, n, unit]) => sum + Number(n) * units[unit!]!, 0);
  return Math.round(total);
}
