import "server-only";

import { can } from "@/lib/auth/can";
import { getStore } from "@/lib/auth/console-store";
import { authorize } from "@/lib/auth/guard";
import { configuredServerNames } from "@/lib/servers/resolve-server";

import { alertsConfig } from "./alerts-config";
import { type EvaluationStatus, lastEvaluation } from "./evaluation-status";
import { summarizeSink } from "./summarize-sink";
import type { AlertRule, AlertSilence, AlertSinkSummary, AlertState, DeliveryAttempt } from "./types";

/** Everything the Alerts page shows. */
export type AlertsView = {
  rules: AlertRule[];
  sinks: AlertSinkSummary[];
  silences: AlertSilence[];
  /** Alerts firing now (silenced ones included, marked) and those resolved lately. */
  alerts: AlertState[];
  deliveries: DeliveryAttempt[];
  evaluation: EvaluationStatus | null;
  /** The config's settings the page states: where sinks may send, how often rules run. */
  destinations: string[];
  intervalSeconds: number;
  servers: string[];
  /** Whether the viewer may change rules, sinks and silences, and if not, why. */
  canWrite: { allowed: boolean; reason: string };
};

const DELIVERIES_SHOWN = 100;

/** The Alerts page's view: rules, sinks (secrets left out), silences, alerts, the newest deliveries. */
export async function loadAlerts(): Promise<AlertsView> {
  const principal = await authorize("alerts.read");
  const repo = (await getStore()).alerts;
  const [rules, sinks, silences, alerts, deliveries] = await Promise.all([
    repo.rules.list(),
    repo.sinks.list(),
    repo.silences.list(),
    repo.states(),
    repo.attempts(DELIVERIES_SHOWN),
  ]);
  const config = alertsConfig();
  const decision = can(principal, "alerts.write");
  return {
    rules,
    sinks: sinks.map(summarizeSink),
    silences: silences.sort((a, b) => b.createdAt - a.createdAt),
    alerts: alerts.sort((a, b) => (a.status === b.status ? b.startedAt - a.startedAt : a.status === "firing" ? -1 : 1)),
    deliveries,
    evaluation: lastEvaluation(),
    destinations: config.destinations,
    intervalSeconds: config.intervalSeconds,
    servers: configuredServerNames(),
    canWrite: { allowed: decision.allowed, reason: decision.reason },
  };
}
