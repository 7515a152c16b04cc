/** The configured urgency windows, as the config's `expiry` section states them. */
export type ExpiryWindows = { criticalHours: number; warningDays: number };

/**
 * The words every page uses for the counts of what will not renew in time: "within 24 h" (the
 * critical window) and "within 7 days" (the warning window), from the configured thresholds.
 */
export function expiringWithin(windows: ExpiryWindows): { critical: string; warning: string } {
  return {
    critical: `within ${windows.criticalHours} h`,
    warning: `within ${windows.warningDays} ${windows.warningDays === 1 ? "day" : "days"}`,
  };
}

/** What "expiring" counts, said once: what SPIRE renews on time by itself is no risk. */
export const expiringCountsOnly =
  "Counts only what will not renew in time: agents past their renewal point (SPIRE renews at half the " +
  "SVID's lifetime), entries with their own expiry, authorities without a successor when SPIRE should have one.";
