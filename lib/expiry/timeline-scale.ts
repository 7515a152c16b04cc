const HOUR = 3_600_000;

/** A square-root time scale from `now - 1h` to `end`: the next hours get room, months still fit. */
export function makeTimeScale(now: number, end: number, x0: number, x1: number) {
  const start = now - HOUR;
  const span = Math.sqrt(Math.max(end - start, 2 * HOUR));
  return (t: number) => x0 + (Math.sqrt(Math.max(0, Math.min(t, end) - start)) / span) * (x1 - x0);
}

/** Tick marks that fall inside the range. */
export function timelineTicks(now: number, end: number): { label: string; at: number }[] {
  const ticks = [
    ["now", 0],
    ["1h", HOUR],
    ["6h", 6 * HOUR],
    ["1d", 24 * HOUR],
    ["3d", 72 * HOUR],
    ["7d", 168 * HOUR],
    ["30d", 720 * HOUR],
    ["90d", 2160 * HOUR],
    ["1y", 8760 * HOUR],
  ] as const;
  return ticks.filter(([, offset]) => now + offset <= end).map(([label, offset]) => ({ label, at: now + offset }));
}
