/** How soon something expires: already, within a day, within a week, or later. */
export type Urgency = "expired" | "critical" | "warning" | "ok";

export const DAY_MS = 86_400_000;

/** Thresholds of the urgency classes, in milliseconds before expiry. */
export type UrgencyThresholds = { critical: number; warning: number };

/** The defaults (config `expiry.criticalHours: 24`, `expiry.warningDays: 7`). */
export const urgencyThresholds: UrgencyThresholds = { critical: DAY_MS, warning: 7 * DAY_MS };

/** The thresholds of the config's `expiry` section. */
export function thresholdsFromConfig(expiry: { criticalHours: number; warningDays: number }): UrgencyThresholds {
  return { critical: expiry.criticalHours * 3_600_000, warning: expiry.warningDays * DAY_MS };
}

/** Classifies an expiry time relative to `now`; null when there is none (never expires). */
export function classifyExpiry(
  expiresAt: string | null,
  now: number,
  thresholds: UrgencyThresholds = urgencyThresholds,
): Urgency | null {
  if (!expiresAt) return null;
  const left = Date.parse(expiresAt) - now;
  if (Number.isNaN(left)) return null;
  if (left <= 0) return "expired";
  if (left <= thresholds.critical) return "critical";
  if (left <= thresholds.warning) return "warning";
  return "ok";
}

export type ExpiryKind = "x509-authority" | "jwt-authority" | "agent-svid" | "federated-ca" | "entry";

/** Who renews an item: SPIRE by itself, or the operator. */
export type Renewal = "spire" | "operator";

/** One thing on the expiry timeline. */
export type ExpiryItem = {
  kind: ExpiryKind;
  server: string;
  /** What expires, e.g. a SPIFFE ID or "X.509 CA (active)". */
  label: string;
  detail: string;
  expiresAt: string;
  urgency: Urgency;
  /** Where the operator fixes or inspects it. */
  href: string;
  renewal: Renewal;
  /** Whether SPIRE renews it by itself and what the operator should do now. */
  advice: string;
};

const rank: Record<Urgency, number> = { expired: 0, critical: 1, warning: 2, ok: 3 };

/** Most urgent first, then soonest, then by label, so the list is stable. */
export function sortByUrgency(items: readonly ExpiryItem[]): ExpiryItem[] {
  return [...items].sort(
    (a, b) =>
      rank[a.urgency] - rank[b.urgency] ||
      Date.parse(a.expiresAt) - Date.parse(b.expiresAt) ||
      a.label.localeCompare(b.label),
  );
}

/**
 * Builds an item, classifying it against `now` and the thresholds; null when `expiresAt` is null.
 * `onTrack`: SPIRE renews it by itself and renewal is on track (an agent SVID, rotated at half its
 * lifetime; a CA whose successor is prepared), so it is only urgent once expired. `urgency`, when
 * given, is the item's urgency by its own schedule (an active authority: activeAuthorityUrgency).
 */
export function expiryItem(
  item: Omit<ExpiryItem, "urgency" | "expiresAt"> & { expiresAt: string | null },
  now: number,
  options: { onTrack?: boolean; thresholds?: UrgencyThresholds; urgency?: Urgency | null } = {},
): ExpiryItem | null {
  const urgency = classifyExpiry(item.expiresAt, now, options.thresholds);
  if (!urgency || !item.expiresAt) return null;
  if (options.urgency) return { ...item, expiresAt: item.expiresAt, urgency: options.urgency };
  return { ...item, expiresAt: item.expiresAt, urgency: options.onTrack && urgency !== "expired" ? "ok" : urgency };
}
