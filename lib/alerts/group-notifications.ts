import type { AlertState, Notification, NotifiedAlert } from "./types";

/** Stored changes to send: the alert's new state and whether it fires or resolves. */
export type ClaimedChange = { state: AlertState; notify: "firing" | "resolved" };

const toNotified = (s: AlertState): NotifiedAlert => ({
  fingerprint: s.fingerprint,
  ruleId: s.ruleId,
  severity: s.severity,
  labels: s.labels,
  summary: s.summary,
  status: s.status,
  startedAt: s.startedAt,
  endedAt: s.resolvedAt,
});

/**
 * Groups one evaluation's changes into notifications: one per rule and kind (its firing alerts in one message,
 * its resolved ones in another), so a rule that finds ten things wrong sends one message, not ten.
 * `validForMs` says, per rule, how long a receiver may keep a firing alert without hearing it again.
 */
export function groupNotifications(
  changes: readonly ClaimedChange[],
  now: number,
  validForMs: (ruleId: string) => number,
): Notification[] {
  const groups = new Map<string, Notification>();
  for (const { state, notify } of changes) {
    const groupKey = `${state.ruleId}/${notify}`;
    const group = groups.get(groupKey) ?? {
      groupKey,
      kind: notify,
      alerts: [],
      at: now,
      validUntil: now + validForMs(state.ruleId),
    };
    group.alerts.push(toNotified(state));
    groups.set(groupKey, group);
  }
  return [...groups.values()];
}
