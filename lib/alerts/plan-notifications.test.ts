import { describe, expect, it } from "vitest";

import { groupNotifications } from "./group-notifications";
import { planNotifications, type StateChange } from "./plan-notifications";
import type { Alert, AlertRule, AlertSilence, AlertState } from "./types";

const t0 = Date.parse("2026-12-06T12:00:00Z");
const minute = 60_000;
const rules: AlertRule[] = [
  {
    id: "r1",
    name: "down",
    kind: "server-down",
    severity: "critical",
    enabled: true,
    servers: [],
    params: {},
    repeatMinutes: 30,
    createdAt: 0,
    updatedAt: 0,
  },
];
const alert = (server: string): Alert => ({
  fingerprint: `fp-${server}`,
  ruleId: "r1",
  severity: "critical",
  labels: { alertname: "down", rule_id: "r1", severity: "critical", server },
  summary: `${server} is down`,
});

/** Runs evaluations the way the engine does: each change stored as planned. */
function run(steps: { at: number; alerts: Alert[]; silences?: AlertSilence[] }[]) {
  let states: AlertState[] = [];
  const sent: string[][] = [];
  for (const step of steps) {
    const changes = planNotifications({ ...step, silences: step.silences ?? [], states, rules, now: step.at });
    const byFp = new Map(states.map((s) => [s.fingerprint, s]));
    for (const c of changes) byFp.set(c.next.fingerprint, c.next);
    states = [...byFp.values()];
    sent.push(changes.filter((c): c is StateChange & { notify: string } => !!c.notify).map(sentLine));
  }
  return { sent, states };
}
function sentLine(c: StateChange): string {
  return `${c.notify} ${c.next.labels.server}`;
}

describe("planNotifications", () => {
  it("sends a new alert once, again after the repeat interval, and a resolution when it is gone", () => {
    const { sent } = run([
      { at: t0, alerts: [alert("foo")] },
      { at: t0 + minute, alerts: [alert("foo")] },
      { at: t0 + 31 * minute, alerts: [alert("foo")] },
      { at: t0 + 32 * minute, alerts: [] },
      { at: t0 + 33 * minute, alerts: [] },
    ]);
    expect(sent).toEqual([["firing foo"], [], ["firing foo"], ["resolved foo"], []]);
  });

  it("holds back exactly the silenced alert, and sends it when the silence ends", () => {
    const silence: AlertSilence = {
      id: "s1",
      matchers: { server: "bar" },
      reason: "maintenance",
      createdBy: "me",
      createdAt: t0,
      expiresAt: t0 + 10 * minute,
    };
    const { sent } = run([
      { at: t0, alerts: [alert("foo"), alert("bar")], silences: [silence] },
      { at: t0 + minute, alerts: [alert("foo"), alert("bar")], silences: [silence] },
      { at: t0 + 11 * minute, alerts: [alert("foo"), alert("bar")], silences: [silence] },
    ]);
    expect(sent).toEqual([["firing foo"], [], ["firing bar"]]);
  });

  it("resolves a silenced alert that was never sent without sending anything", () => {
    const silence: AlertSilence = {
      id: "s1",
      matchers: { server: "foo" },
      reason: "known",
      createdBy: "me",
      createdAt: t0,
      expiresAt: t0 + 99 * minute,
    };
    const { sent, states } = run([
      { at: t0, alerts: [alert("foo")], silences: [silence] },
      { at: t0 + minute, alerts: [], silences: [silence] },
    ]);
    expect(sent).toEqual([[], []]);
    expect(states[0]).toMatchObject({ status: "resolved", lastSentAt: null });
  });

  it("groups one rule's changes into one notification per kind", () => {
    const changes = planNotifications({
      alerts: [alert("foo"), alert("bar")],
      states: [],
      silences: [],
      rules,
      now: t0,
    });
    const claimed = changes.map((c) => ({ state: c.next, notify: c.notify! }));
    const notifications = groupNotifications(claimed, t0, () => 45 * minute);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ groupKey: "r1/firing", kind: "firing", validUntil: t0 + 45 * minute });
    expect(notifications[0]!.alerts.map((a) => a.labels.server)).toEqual(["foo", "bar"]);
  });
});
