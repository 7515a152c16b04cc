import type { Notification, NotifiedAlert, SinkType } from "./types";

const iso = (ms: number) => new Date(ms).toISOString();

/** When a receiver should consider the alert over: its end once resolved, else the notification's validity. */
const endsAt = (alert: NotifiedAlert, n: Notification) => iso(alert.endedAt ?? n.validUntil);

/**
 * The generic webhook's JSON body (version 1): the notification and its alerts with labels, summary and times.
 * The console signs the exact bytes of this body (see docs/alerts.md, "Alerts").
 */
export function webhookBody(n: Notification, sinkName: string): unknown {
  return {
    version: "1",
    sender: "spire-console",
    sink: sinkName,
    kind: n.kind,
    status: n.kind === "resolved" ? "resolved" : "firing",
    groupKey: n.groupKey,
    sentAt: iso(n.at),
    alerts: n.alerts.map((a) => ({
      status: a.status,
      fingerprint: a.fingerprint,
      severity: a.severity,
      labels: a.labels,
      summary: a.summary,
      startsAt: iso(a.startedAt),
      endsAt: a.status === "resolved" ? endsAt(a, n) : null,
    })),
  };
}

/** A Slack-compatible incoming webhook's body: one text message, a line per alert. */
export function slackBody(n: Notification): unknown {
  const name = n.alerts[0]?.labels.alertname ?? "alert";
  const state = n.kind === "resolved" ? "Resolved" : "Firing";
  const head =
    n.kind === "test" ? "Test from SPIRE Console: this sink works." : `${state}: ${name} (${n.alerts.length})`;
  const lines = n.alerts.map((a) => `• [${a.severity}] ${a.summary}`);
  return { text: [head, ...lines].join("\n") };
}

/**
 * Alertmanager's v2 API body (POST /api/v2/alerts): labels, the summary as an annotation, startsAt and endsAt.
 * A firing alert ends at the notification's validity (sent again before then while it fires); a resolved one
 * ends now, which Alertmanager takes as resolved.
 */
export function alertmanagerBody(n: Notification): unknown {
  return n.alerts.map((a) => ({
    labels: a.labels,
    annotations: { summary: a.summary },
    startsAt: iso(a.startedAt),
    endsAt: endsAt(a, n),
  }));
}

/** The body a sink of `type` gets for the notification. */
export function sinkBody(type: SinkType, n: Notification, sinkName: string): unknown {
  if (type === "slack") return slackBody(n);
  if (type === "alertmanager") return alertmanagerBody(n);
  return webhookBody(n, sinkName);
}

/** The URL a sink posts to: an Alertmanager sink's base URL with /api/v2/alerts, the others' URL as is. */
export function sinkPostUrl(type: SinkType, url: string): string {
  return type === "alertmanager" ? `${url.replace(/\/+$/, "")}/api/v2/alerts` : url;
}

/** The notification "send test" delivers: one info alert that says so, valid five minutes. */
export function testNotification(now: number, sinkId: string): Notification {
  const labels = { alertname: "SpireConsoleTest", severity: "info", sink_id: sinkId };
  const alert: NotifiedAlert = {
    fingerprint: `test-${sinkId}`,
    ruleId: "test",
    severity: "info",
    labels,
    summary: "A test notification from SPIRE Console: this sink receives alerts.",
    status: "firing",
    startedAt: now,
    endedAt: null,
  };
  return { groupKey: `test/${sinkId}`, kind: "test", alerts: [alert], at: now, validUntil: now + 5 * 60_000 };
}

/** Waits before each retry: `backoffMs`, then doubling, one fewer than the attempts. */
export function retryDelays(attempts: number, backoffMs: number): number[] {
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, i) => backoffMs * 2 ** i);
}

/** What lists show of a sink's URL: its origin and "/…" when it has a path (a webhook URL's path is its secret). */
export function urlHint(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname && u.pathname !== "/" ? `${u.origin}/…` : u.origin;
  } catch {
    return "(invalid URL)";
  }
}

/** Whether `url` starts with one of the configured destinations (same origin, path under the prefix's). */
export function allowedDestination(url: string, destinations: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  return destinations.some((d) => {
    const prefix = new URL(d);
    const path = prefix.pathname.endsWith("/") ? prefix.pathname : `${prefix.pathname}/`;
    return u.origin === prefix.origin && (u.pathname === prefix.pathname || u.pathname.startsWith(path));
  });
}
