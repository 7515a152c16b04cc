import "server-only";

import { getStore } from "@/lib/auth/console-store";
import type { ConsoleConfig } from "@/lib/config/schema";
import type { AlertRepository } from "@/lib/store/types";

import { deliver } from "./deliver";
import { evaluateRules } from "./evaluate-rules";
import { noteEvaluation } from "./evaluation-status";
import { type ClaimedChange, groupNotifications } from "./group-notifications";
import { planNotifications } from "./plan-notifications";
import { readServerSignals } from "./read-signals";
import type { AlertRule, Notification } from "./types";

const KEEP_RESOLVED_MS = 7 * 86_400_000;
const KEEP_DELIVERIES_MS = 30 * 86_400_000;

function watchedServers(rules: readonly AlertRule[], config: ConsoleConfig) {
  const enabled = rules.filter((r) => r.enabled);
  return config.servers.filter((s) => enabled.some((r) => r.servers.length === 0 || r.servers.includes(s.name)));
}

/** Sends each notification to every enabled sink, in the background (retries may take a while). */
async function send(repo: AlertRepository, notifications: readonly Notification[], config: ConsoleConfig) {
  if (notifications.length === 0) return;
  const sinks = (await repo.sinks.list()).filter((s) => s.enabled);
  for (const notification of notifications) {
    for (const sink of sinks) void deliver(repo, sink, notification, config.alerts);
  }
}

/**
 * One evaluation: reads the signals of every server a rule watches, evaluates the rules, stores what changed (of
 * several replicas, the one that stores a change sends it) and sends the grouped notifications to the sinks.
 * Resolves with what it found; the deliveries go on in the background.
 */
export async function runEvaluation(config: ConsoleConfig, now = Date.now()): Promise<void> {
  const started = Date.now();
  try {
    const repo = (await getStore()).alerts;
    const rules = await repo.rules.list();
    const signals = await Promise.all(watchedServers(rules, config).map((s) => readServerSignals(s, config, now)));
    const alerts = evaluateRules(rules, signals, now);
    const [states, silences] = await Promise.all([repo.states(), repo.silences.list()]);
    const claimed: ClaimedChange[] = [];
    for (const change of planNotifications({ alerts, states, silences, rules, now })) {
      const stored = await repo.putState(change.next, change.expected, now);
      if (stored && change.notify) claimed.push({ state: change.next, notify: change.notify });
    }
    const intervalMs = config.alerts.intervalSeconds * 1000;
    const validFor = (ruleId: string) =>
      (rules.find((r) => r.id === ruleId)?.repeatMinutes ?? 240) * 60_000 + 3 * intervalMs;
    const notifications = groupNotifications(claimed, now, validFor);
    await send(repo, notifications, config);
    await repo.pruneResolved(now - KEEP_RESOLVED_MS);
    await repo.pruneAttempts(now - KEEP_DELIVERIES_MS);
    const firing = alerts.length;
    noteEvaluation({
      at: new Date(now).toISOString(),
      durationMs: Date.now() - started,
      alerts: firing,
      notifications: notifications.length,
      error: null,
    });
  } catch (error) {
    console.error("[alerts] the evaluation failed", error);
    const message = (error as Error).message ?? String(error);
    noteEvaluation({
      at: new Date(now).toISOString(),
      durationMs: Date.now() - started,
      alerts: 0,
      notifications: 0,
      error: message,
    });
  }
}
