import { formatDuration } from "@/lib/format/time";

import { fingerprintOf } from "./fingerprint";
import type { ServerSignals } from "./signals";
import type { Alert, AlertRule } from "./types";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The defaults of each kind's settings (the rule schema applies them too). */
export const ruleDefaults = {
  thresholdsDays: [30, 7, 1],
  withinHours: 0.25,
  staleWithinHours: 24,
  failuresPer5m: 5,
} as const;

type Raise = (labels: Record<string, string>, summary: string) => void;

const left = (iso: string, now: number) => formatDuration(Math.max(0, Math.round((Date.parse(iso) - now) / 1000)));

function authorityExpiry(rule: AlertRule, s: ServerSignals, now: number, raise: Raise): void {
  const thresholds = [...(rule.params.thresholdsDays ?? ruleDefaults.thresholdsDays)].sort((a, b) => a - b);
  for (const a of s.authorities ?? []) {
    if (!a.expiresAt) continue;
    const days = (Date.parse(a.expiresAt) - now) / DAY_MS;
    const crossed = thresholds.find((t) => days < t);
    if (crossed === undefined) continue;
    const what = `${s.server}'s ${a.slot} ${a.kind === "x509" ? "X.509" : "JWT"} authority ${a.authorityId}`;
    const when = days <= 0 ? `expired at ${a.expiresAt}` : `expires in ${left(a.expiresAt, now)} (${a.expiresAt})`;
    raise(
      { authority: a.kind, slot: a.slot, authority_id: a.authorityId, threshold: `${crossed}d` },
      `${what} ${when}: below the ${crossed}-day threshold`,
    );
  }
}

function federationStale(rule: AlertRule, s: ServerSignals, now: number, raise: Raise): void {
  const within = (rule.params.staleWithinHours ?? ruleDefaults.staleWithinHours) * HOUR_MS;
  for (const f of s.federation ?? []) {
    const labels = { trust_domain: f.trustDomain };
    if (f.problem) raise(labels, `${s.server}'s federation with ${f.trustDomain}: ${f.problem}`);
    else if (!f.validUntil) raise(labels, `${s.server}'s bundle of ${f.trustDomain} holds no X.509 authority`);
    else if (Date.parse(f.validUntil) - now < within) {
      const state = Date.parse(f.validUntil) <= now ? "expired" : `expires in ${left(f.validUntil, now)}`;
      raise(labels, `${s.server}'s bundle of ${f.trustDomain} is stale: its last X.509 authority ${state}`);
    }
  }
}

function agentsExpiring(rule: AlertRule, s: ServerSignals, now: number, raise: Raise): void {
  const within = (rule.params.withinHours ?? ruleDefaults.withinHours) * HOUR_MS;
  const due = (s.agents ?? []).filter((a) => !a.banned && a.expiresAt && Date.parse(a.expiresAt) - now < within);
  if (due.length === 0) return;
  const stuck = due.filter((a) => !a.canReattest && Date.parse(a.expiresAt!) <= now).length;
  const names =
    due
      .slice(0, 3)
      .map((a) => a.spiffeId)
      .join(", ") + (due.length > 3 ? ` and ${due.length - 3} more` : "");
  const cannot = stuck ? `; ${stuck} expired and cannot re-attest (new join token needed)` : "";
  const window = formatDuration(within / 1000);
  raise({}, `${due.length} agent(s) of ${s.server} expire within ${window}${cannot}: ${names}`);
}

function attestationFailures(rule: AlertRule, s: ServerSignals, raise: Raise): void {
  const limit = rule.params.failuresPer5m ?? ruleDefaults.failuresPer5m;
  const a = s.attestations;
  if (!a || a.failed < limit) return;
  const statuses = Object.entries(a.byStatus)
    .map(([status, n]) => `${status}: ${n}`)
    .join(", ");
  const by = a.source === "prometheus" ? `by status: ${statuses}` : `statuses since the server started: ${statuses}`;
  raise({}, `${a.failed} node attestations failed on ${s.server} in the last 5 minutes (${by}); the limit is ${limit}`);
}

function entrySetDrift(s: ServerSignals, raise: Raise): void {
  for (const set of s.entrySets) {
    if (set.error)
      raise({ entry_set: set.name }, `entry set ${set.name} of ${s.server} cannot be planned: ${set.error}`);
    else if (set.changes > 0)
      raise(
        { entry_set: set.name },
        `entry set ${set.name} of ${s.server} has drifted: ${set.changes} change(s) would put it back`,
      );
  }
}

function evaluateOne(rule: AlertRule, s: ServerSignals, now: number, raise: Raise): void {
  switch (rule.kind) {
    case "authority-expiry":
      return authorityExpiry(rule, s, now, raise);
    case "federation-stale":
      return federationStale(rule, s, now, raise);
    case "agents-expiring":
      return agentsExpiring(rule, s, now, raise);
    case "attestation-failures":
      return attestationFailures(rule, s, raise);
    case "server-down":
      if (!s.up) raise({}, `SPIRE server ${s.server} is down: ${s.downReason ?? "its health check failed"}`);
      return;
    case "index-walk-failing":
      if (s.index?.failure) raise({}, `the entry index walk of ${s.server} is failing: ${s.index.failure}`);
      return;
    case "entry-set-drift":
      return entrySetDrift(s, raise);
  }
}

/**
 * Evaluates every enabled rule against the servers' signals at `now`: one alert per thing a rule finds wrong, its
 * labels naming the rule, the server and the thing (the fingerprint comes from the labels alone).
 */
export function evaluateRules(rules: readonly AlertRule[], signals: readonly ServerSignals[], now: number): Alert[] {
  const alerts = new Map<string, Alert>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const s of signals) {
      if (rule.servers.length > 0 && !rule.servers.includes(s.server)) continue;
      evaluateOne(rule, s, now, (own, summary) => {
        const labels = { alertname: rule.name, rule_id: rule.id, severity: rule.severity, server: s.server, ...own };
        const fingerprint = fingerprintOf(labels);
        alerts.set(fingerprint, { fingerprint, ruleId: rule.id, severity: rule.severity, labels, summary });
      });
    }
  }
  return [...alerts.values()];
}
