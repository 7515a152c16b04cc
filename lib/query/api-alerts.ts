// The Alerts page's API: one function per endpoint, typed with the loaders' answers.
import type { AlertsView } from "@/lib/alerts/load-alerts";
import type { AlertRule, AlertSilence, AlertSinkSummary, DeliveryAttempt } from "@/lib/alerts/types";

import { fetchJson } from "./fetch-json";

const enc = encodeURIComponent;

/** GET /api/alerts: rules, sinks, silences, alerts and the newest deliveries. */
export function fetchAlerts(): Promise<AlertsView> {
  return fetchJson<AlertsView>("/api/alerts");
}

/** POST /api/alerts/rules: creates a rule. */
export function createAlertRule(body: unknown): Promise<AlertRule> {
  return fetchJson<AlertRule>("/api/alerts/rules", { method: "POST", body });
}

/** PATCH /api/alerts/rules/<id>: replaces a rule's settings. */
export function updateAlertRule(id: string, body: unknown): Promise<AlertRule> {
  return fetchJson<AlertRule>(`/api/alerts/rules/${enc(id)}`, { method: "PATCH", body });
}

/** DELETE /api/alerts/rules/<id>. */
export function deleteAlertRule(id: string): Promise<unknown> {
  return fetchJson(`/api/alerts/rules/${enc(id)}`, { method: "DELETE" });
}

/** POST /api/alerts/sinks: creates a sink. */
export function createAlertSink(body: unknown): Promise<AlertSinkSummary> {
  return fetchJson<AlertSinkSummary>("/api/alerts/sinks", { method: "POST", body });
}

/** DELETE /api/alerts/sinks/<id>. */
export function deleteAlertSink(id: string): Promise<unknown> {
  return fetchJson(`/api/alerts/sinks/${enc(id)}`, { method: "DELETE" });
}

/** POST /api/alerts/sinks/<id>/test: sends a test now; the delivery's last attempt. */
export function sendAlertSinkTest(id: string): Promise<DeliveryAttempt> {
  return fetchJson<DeliveryAttempt>(`/api/alerts/sinks/${enc(id)}/test`, { method: "POST" });
}

/** POST /api/alerts/silences: silences alerts matching the labels. */
export function createAlertSilence(body: unknown): Promise<AlertSilence> {
  return fetchJson<AlertSilence>("/api/alerts/silences", { method: "POST", body });
}

/** DELETE /api/alerts/silences/<id>: ends a silence now. */
export function expireAlertSilence(id: string): Promise<AlertSilence> {
  return fetchJson<AlertSilence>(`/api/alerts/silences/${enc(id)}`, { method: "DELETE" });
}
