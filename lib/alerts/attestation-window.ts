/** One reading of a server's failed node attestations: a per-window increase, or a counter total since start. */
export type AttestationReading = { at: number; failed: number; byStatus: Record<string, number> };

/** Statuses of AttestAgent calls that are not failures. */
const OK_STATUSES = new Set(["OK", "ok"]);

/** Adds up the failed AttestAgent calls of the `attest-agent` values, by gRPC status (every status but OK). */
export function countFailedAttestations(
  values: readonly { signal: string; labels: Record<string, string>; value: number }[],
): { failed: number; byStatus: Record<string, number> } {
  const byStatus: Record<string, number> = {};
  for (const v of values) {
    const status = v.labels.status ?? "unknown";
    if (v.signal !== "attest-agent" || OK_STATUSES.has(status)) continue;
    byStatus[status] = (byStatus[status] ?? 0) + v.value;
  }
  const failed = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  return { failed: Math.round(failed), byStatus };
}

/**
 * Failures within the last `windowMs` from counter totals read over time (oldest first): the newest total minus the
 * oldest one still inside the window (a total that went down is a restart: counted from zero). With one reading, the
 * window cannot be told, so nothing counts yet.
 */
export function failuresInWindow(readings: readonly AttestationReading[], now: number, windowMs: number): number {
  const inside = readings.filter((r) => r.at >= now - windowMs);
  const newest = inside[inside.length - 1];
  const before = readings.filter((r) => r.at < now - windowMs).pop() ?? inside[0];
  if (!newest || !before || newest === before) return 0;
  let total = 0;
  const series = [before, ...inside.filter((r) => r.at > before.at)];
  for (let i = 1; i < series.length; i++) {
    const step = series[i]!.failed - series[i - 1]!.failed;
    total += step >= 0 ? step : series[i]!.failed;
  }
  return total;
}
