// Plain types of the alert engine: rules, sinks, silences, the alerts a rule raises and what was delivered.
// Times are epoch milliseconds unless named ISO.

/** What a rule watches. */
export const ruleKinds = [
  "authority-expiry",
  "federation-stale",
  "agents-expiring",
  "attestation-failures",
  "server-down",
  "index-walk-failing",
  "entry-set-drift",
] as const;
export type RuleKind = (typeof ruleKinds)[number];

export const severities = ["critical", "warning", "info"] as const;
export type Severity = (typeof severities)[number];

/** A rule's settings; each kind reads the ones it needs (the schema fills defaults). */
export type RuleParams = {
  /** authority-expiry: alert when an active or prepared authority has fewer days left than one of these. */
  thresholdsDays?: number[];
  /** agents-expiring: alert when an agent's SVID has fewer hours left than this (or has expired). */
  withinHours?: number;
  /** federation-stale: alert when every X.509 authority of a federated bundle expires within this many hours. */
  staleWithinHours?: number;
  /** attestation-failures: alert when at least this many node attestations failed in five minutes. */
  failuresPer5m?: number;
};

export type AlertRule = {
  id: string;
  name: string;
  kind: RuleKind;
  severity: Severity;
  enabled: boolean;
  /** The servers the rule watches; empty: every configured server. */
  servers: string[];
  params: RuleParams;
  /** Minutes before a still-firing alert is sent again. */
  repeatMinutes: number;
  createdAt: number;
  updatedAt: number;
};

export const sinkTypes = ["webhook", "slack", "alertmanager"] as const;
export type SinkType = (typeof sinkTypes)[number];

/** A sink as stored: the URL and the HMAC key are secrets (never shown back in full). */
export type AlertSink = {
  id: string;
  name: string;
  type: SinkType;
  url: string;
  /** The HMAC-SHA256 key of a webhook sink; null for the others. */
  secret: string | null;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
};

/** A sink as lists and pages get it: the URL shortened to its origin, the key to whether there is one. */
export type AlertSinkSummary = Omit<AlertSink, "url" | "secret"> & { urlHint: string; hasSecret: boolean };

/** Suppresses the alerts whose labels include every matcher, until it expires. */
export type AlertSilence = {
  id: string;
  matchers: Record<string, string>;
  reason: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
};

/** One alert a rule raised in an evaluation. */
export type Alert = {
  fingerprint: string;
  ruleId: string;
  severity: Severity;
  /** `alertname`, `rule_id`, `severity`, `server` and the kind's own (`trust_domain`, `threshold`, …). */
  labels: Record<string, string>;
  summary: string;
};

/** What the store remembers of an alert between evaluations (de-duplication, repeat, resolved). */
export type AlertState = {
  fingerprint: string;
  ruleId: string;
  labels: Record<string, string>;
  summary: string;
  severity: Severity;
  status: "firing" | "resolved";
  startedAt: number;
  /** When it was last sent (firing); null while silenced or never sent. */
  lastSentAt: number | null;
  resolvedAt: number | null;
  /** The silence holding it back at the last evaluation, if any. */
  silencedBy: string | null;
};

/** firing and resolved: what the rules raised; test: the "send test" button. */
export type NotificationKind = "firing" | "resolved" | "test";

/** One message to the sinks: one rule's alerts that changed (or are due again) in one evaluation. */
export type Notification = {
  groupKey: string;
  kind: NotificationKind;
  alerts: NotifiedAlert[];
  /** When the evaluation sent it. */
  at: number;
  /** Firing alerts: when a receiver may consider them over unless sent again (the Alertmanager sink's endsAt). */
  validUntil: number;
};

export type NotifiedAlert = Alert & { status: "firing" | "resolved"; startedAt: number; endedAt: number | null };

export type DeliveryStatus = "ok" | "retrying" | "failed";

/** One attempt at delivering a notification to one sink. */
export type DeliveryAttempt = {
  id: string;
  /** Shared by the attempts of one delivery. */
  deliveryId: string;
  sinkId: string;
  sinkName: string;
  kind: NotificationKind;
  groupKey: string;
  alerts: number;
  attempt: number;
  at: number;
  status: DeliveryStatus;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  /** When the next attempt is due (status retrying). */
  nextAttemptAt: number | null;
};
