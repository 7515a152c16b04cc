import type { Urgency } from "./classify-expiry";

const DAY_MS = 86_400_000;

// SPIRE 1.15.3, pkg/server/ca/manager (slot.go `preparationThreshold`, `keyActivationThreshold`):
// the next authority is prepared min(lifetime / 2, 30 days) before the current one's notAfter, and
// activated min(lifetime / 6, 7 days) before it. The same for X.509 CAs, JWT keys and WIT keys.
const PREPARATION_DIVISOR = 2;
const PREPARATION_CAP_MS = 30 * DAY_MS;
const ACTIVATION_DIVISOR = 6;
const ACTIVATION_CAP_MS = 7 * DAY_MS;

/** When SPIRE prepares and activates the successor of an authority issued at `issuedAt` (epoch ms). */
export function authoritySchedule(issuedAt: number, notAfter: number): { prepareAt: number; activateAt: number } {
  const lifetime = notAfter - issuedAt;
  return {
    prepareAt: notAfter - Math.min(lifetime / PREPARATION_DIVISOR, PREPARATION_CAP_MS),
    activateAt: notAfter - Math.min(lifetime / ACTIVATION_DIVISOR, ACTIVATION_CAP_MS),
  };
}

/**
 * How urgent the active authority is, by SPIRE's own schedule rather than a fixed window: fine
 * while SPIRE has a successor prepared or it is not yet time to prepare one; a warning once SPIRE
 * should have prepared the successor and has not; critical once it should have activated it;
 * expired past its notAfter. Null when the issue time is unknown (the caller falls back to the
 * fixed thresholds).
 */
export function activeAuthorityUrgency(input: {
  issuedAt: number | null;
  expiresAt: string;
  successorPrepared: boolean;
  now: number;
}): Urgency | null {
  const notAfter = Date.parse(input.expiresAt);
  if (Number.isNaN(notAfter)) return null;
  if (notAfter <= input.now) return "expired";
  if (input.successorPrepared) return "ok";
  if (input.issuedAt === null || input.issuedAt >= notAfter) return null;
  const { prepareAt, activateAt } = authoritySchedule(input.issuedAt, notAfter);
  if (input.now >= activateAt) return "critical";
  return input.now >= prepareAt ? "warning" : "ok";
}
