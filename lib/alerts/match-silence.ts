import type { AlertSilence } from "./types";

/** Whether a silence is in force at `now` (it ends at its expiry). */
export const silenceActive = (silence: AlertSilence, now: number): boolean => silence.expiresAt > now;

/** The first silence in force at `now` whose every matcher equals the alert's label, or null. */
export function findSilence(
  labels: Record<string, string>,
  silences: readonly AlertSilence[],
  now: number,
): AlertSilence | null {
  return (
    silences.find(
      (s) =>
        silenceActive(s, now) &&
        Object.keys(s.matchers).length > 0 &&
        Object.entries(s.matchers).every(([name, value]) => labels[name] === value),
    ) ?? null
  );
}
