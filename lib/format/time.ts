const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "in 5 hours", "3 minutes ago" — the largest whole unit between `iso` and `now`. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === "second") return relative.format(Math.trunc(seconds / size), unit);
  }
  return relative.format(0, "second");
}

/** A stable absolute time in UTC, e.g. "2026-11-22 18:04:05 UTC". */
export function formatAbsolute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** "3d 4h", "5m 10s" — a duration in seconds, two largest units. */
export function formatDuration(totalSeconds: number): string {
  if (totalSeconds <= 0) return "0s";
  const parts: string[] = [];
  let rest = totalSeconds;
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit[0]}`);
    rest -= count * size;
  }
  return parts.slice(0, 2).join(" ");
}
