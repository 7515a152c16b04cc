import { findSilence } from "./match-silence";
import type { Alert, AlertRule, AlertSilence, AlertState } from "./types";

/** One state change an evaluation wants: stored only if the state is still `expected` (one replica wins it). */
export type StateChange = {
  next: AlertState;
  expected: AlertState | null;
  /** What to send once the change is stored: the alert firing (new or due again), resolved, or nothing. */
  notify: "firing" | "resolved" | null;
};

export type PlanInput = {
  alerts: readonly Alert[];
  /** The stored states (firing ones, and resolved ones still kept). */
  states: readonly AlertState[];
  silences: readonly AlertSilence[];
  rules: readonly AlertRule[];
  now: number;
};

const DEFAULT_REPEAT_MINUTES = 240;

function firingChange(alert: Alert, state: AlertState | undefined, input: PlanInput): StateChange | null {
  const { now } = input;
  const silence = findSilence(alert.labels, input.silences, now);
  const ongoing = state?.status === "firing" ? state : undefined;
  const base: AlertState = {
    fingerprint: alert.fingerprint,
    ruleId: alert.ruleId,
    labels: alert.labels,
    summary: alert.summary,
    severity: alert.severity,
    status: "firing",
    startedAt: ongoing?.startedAt ?? now,
    lastSentAt: ongoing?.lastSentAt ?? null,
    resolvedAt: null,
    silencedBy: silence?.id ?? null,
  };
  if (silence) {
    const same = ongoing && ongoing.silencedBy === silence.id && ongoing.summary === alert.summary;
    return same ? null : { next: base, expected: state ?? null, notify: null };
  }
  const rule = input.rules.find((r) => r.id === alert.ruleId);
  const repeatMs = (rule?.repeatMinutes ?? DEFAULT_REPEAT_MINUTES) * 60_000;
  const due = !ongoing || ongoing.lastSentAt === null || now - ongoing.lastSentAt >= repeatMs;
  if (due) return { next: { ...base, lastSentAt: now }, expected: state ?? null, notify: "firing" };
  const changed = ongoing.summary !== alert.summary || ongoing.silencedBy !== null;
  return changed ? { next: base, expected: state ?? null, notify: null } : null;
}

/**
 * Decides what one evaluation changes and sends: a new alert fires (unless a silence holds it), a firing one is
 * sent again once its rule's repeat interval has passed since it was last sent, one no longer raised is resolved
 * (and the resolution sent, if the alert ever was). An alert raised again while firing is not sent twice.
 */
export function planNotifications(input: PlanInput): StateChange[] {
  const byFingerprint = new Map(input.states.map((s) => [s.fingerprint, s]));
  const changes: StateChange[] = [];
  for (const alert of input.alerts) {
    const change = firingChange(alert, byFingerprint.get(alert.fingerprint), input);
    if (change) changes.push(change);
  }
  const raised = new Set(input.alerts.map((a) => a.fingerprint));
  for (const state of input.states) {
    if (state.status !== "firing" || raised.has(state.fingerprint)) continue;
    const next: AlertState = { ...state, status: "resolved", resolvedAt: input.now, silencedBy: null };
    changes.push({ next, expected: state, notify: state.lastSentAt === null ? null : "resolved" });
  }
  return changes;
}
