/** How soon something expires: already, within a day, within a week, or later. */
export type Urgency = "expired" | "critical" | "warning" | "ok";

export const DAY_MS = 86_400_000;

/** Thresholds of the urgency classes, in milliseconds before expiry. */
export const urgencyThresholds = { critical: DAY_MS, warning: 7 * DAY_MS } as const;

/** Classifies an expiry time relative to `now`; null when there is none (never expires). */
export function classifyExpiry(expiresAt: string | null, now: number): Urgency | null {
  if (!expiresAt) return null;
  const left = Date.parse(expiresAt) - now;
  if (Number.isNaN(left)) return null;
  if (left <= 0) return "expired";
  if (left <= urgencyThresholds.critical) return "critical";
  if (left <= urgencyThresholds.warning) return "warning";
  return "ok";
}

export type ExpiryKind = "x509-authority" | "jwt-authority" | "agent-svid" | "federated-ca" | "entry";

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
 * Builds an item, classifying it against `now`; null when `expiresAt` is null. Things SPIRE renews
 * by itself (agent SVIDs are rotated at half their lifetime) are only urgent once expired.
 */
export function expiryItem(
  item: Omit<ExpiryItem, "urgency" | "expiresAt"> & { expiresAt: string | null },
  now: number,
  options: { autoRenewed?: boolean } = {},
): ExpiryItem | null {
  const urgency = classifyExpiry(item.expiresAt, now);
  if (!urgency || !item.expiresAt) return null;
  return { ...item, expiresAt: item.expiresAt, urgency: options.autoRenewed && urgency !== "expired" ? "ok" : urgency };
}
