/**
 * What the "What SPIRE says" panels read: SPIRE's own metric names (pkg/common/telemetry of spiffe/spire v1.15, as
 * its Prometheus sink exposes them: dots become underscores, `spire_server_`/`spire_agent_` prefixes) and how each is
 * aggregated. One description feeds both the PromQL text and the no-Prometheus evaluation of a scrape.
 */
export type Signal = {
  /** Stable name of the signal (alert rules and tests refer to it). */
  id: string;
  /** Legend of the series; `{label}` is replaced by that label's value. */
  legend: string;
  metric: string;
  /** counter: per-window increase (or per-second rate); gauge: as is; quantile: one of SPIRE's summary quantiles. */
  kind: "counter" | "gauge" | "quantile";
  /** counter only: "increase" over the window (default) or per-second "rate". */
  per?: "increase" | "rate";
  /** quantile only: SPIRE's summaries carry 0.5, 0.9 and 0.99. */
  quantile?: "0.5" | "0.9" | "0.99";
  /** Extra label matchers (`status!="OK"` is written `{ status: "!OK" }`). */
  match?: Record<string, string>;
  /** Labels the series are grouped by (one series per value). */
  by?: string[];
  /** How series are combined: sum (default for counters), max (gauges, quantiles) or count (versions). */
  agg?: "sum" | "max" | "count";
  /** An agent metric (the fleet of this server), not the server's own. */
  fleet?: boolean;
};

export type PanelUnit = "count" | "per-second" | "milliseconds" | "timestamp";

export type PanelSpec = { id: string; title: string; description: string; unit: PanelUnit; signals: Signal[] };

/** The rate and increase window of the panels' PromQL. */
export const WINDOW = "5m";

/** The panels, in page order. */
export const PANELS: readonly PanelSpec[] = [
  {
    id: "attestations",
    title: "Node attestations by outcome",
    description: "AttestAgent calls per 5 minutes, by gRPC status (OK, PermissionDenied, InvalidArgument, …).",
    unit: "count",
    signals: [
      {
        id: "attest-agent",
        legend: "{status}",
        metric: "spire_server_rpc_agent_v1_agent_attest_agent",
        kind: "counter",
        by: ["status"],
      },
    ],
  },
  {
    id: "signing-rate",
    title: "X509-SVID signing rate",
    description: "X509-SVIDs the server CA signed per second (server_ca.sign.x509_svid).",
    unit: "per-second",
    signals: [
      {
        id: "x509-svid-signed",
        legend: "signed",
        metric: "spire_server_server_ca_sign_x509_svid",
        kind: "counter",
        per: "rate",
      },
    ],
  },
  {
    id: "signing-latency",
    title: "SVID signing latency",
    description:
      "BatchNewX509SVID latency. SPIRE's summaries export the 0.5, 0.9 and 0.99 quantiles only, so p95 is not " +
      "available: p90 and p99 are shown.",
    unit: "milliseconds",
    signals: [
      {
        id: "sign-latency-p90",
        legend: "p90",
        metric: "spire_server_rpc_svid_v1_svid_batch_new_x509svid_elapsed_time",
        kind: "quantile",
        quantile: "0.9",
      },
      {
        id: "sign-latency-p99",
        legend: "p99",
        metric: "spire_server_rpc_svid_v1_svid_batch_new_x509svid_elapsed_time",
        kind: "quantile",
        quantile: "0.99",
      },
    ],
  },
  {
    id: "entry-cache",
    title: "Entry cache reload time and skipped event IDs",
    description:
      "How long the server's entry cache reload takes (p99), and the skipped entry event IDs the events-based cache " +
      "counted (only with experimental.events_based_cache).",
    unit: "milliseconds",
    signals: [
      {
        id: "entry-cache-reload-p99",
        legend: "reload p99 (ms)",
        metric: "spire_server_entry_cache_reload_elapsed_time",
        kind: "quantile",
        quantile: "0.99",
      },
      {
        id: "skipped-entry-event-ids",
        legend: "skipped entry event IDs",
        metric: "spire_server_entry_skipped_entry_event_ids_count",
        kind: "gauge",
      },
    ],
  },
  {
    id: "federation-fetches",
    title: "Federated bundle fetches",
    description: "The bundle manager's fetches of each partner's bundle per 5 minutes, by trust domain and status.",
    unit: "count",
    signals: [
      {
        id: "federated-bundle-fetch",
        legend: "{trust_domain_id} {status}",
        metric: "spire_server_bundle_manager_fetch_federated_bundle",
        kind: "counter",
        by: ["trust_domain_id", "status"],
      },
    ],
  },
  {
    id: "rotations",
    title: "CA and JWT key rotations",
    description:
      "X.509 CA and JWT key activations per 5 minutes (SPIRE 1.15 exports no metric for WIT keys), and the active " +
      "X.509 CA's expiry.",
    unit: "count",
    signals: [
      {
        id: "x509-ca-activated",
        legend: "X.509 CA activated",
        metric: "spire_server_ca_manager_x509_ca_activate",
        kind: "counter",
      },
      {
        id: "jwt-key-activated",
        legend: "JWT key activated",
        metric: "spire_server_manager_jwt_key_activate",
        kind: "counter",
      },
    ],
  },
  {
    id: "ca-expiry",
    title: "Active X.509 CA expires",
    description:
      "The expiry the CA manager reported at its last X.509 CA rotation (manager.x509_ca.rotate.expiration).",
    unit: "timestamp",
    signals: [
      {
        id: "x509-ca-expiration",
        legend: "expires",
        metric: "spire_server_manager_x509_ca_rotate_expiration",
        kind: "gauge",
        agg: "max",
      },
    ],
  },
  {
    id: "agent-sync-failures",
    title: "Agent sync failures",
    description: "Failed entry and SVID sync calls of this server's agents per 5 minutes, by status.",
    unit: "count",
    signals: [
      {
        id: "agent-sync-entries-failed",
        legend: "entries {status}",
        metric: "spire_agent_manager_sync_fetch_entries_updates",
        kind: "counter",
        match: { status: "!OK" },
        by: ["status"],
        fleet: true,
      },
      {
        id: "agent-sync-svids-failed",
        legend: "SVIDs {status}",
        metric: "spire_agent_manager_sync_fetch_svids_updates",
        kind: "counter",
        match: { status: "!OK" },
        by: ["status"],
        fleet: true,
      },
    ],
  },
  {
    id: "agent-versions",
    title: "Agent versions",
    description: "Running agents of this server by SPIRE version (spire_agent_started).",
    unit: "count",
    signals: [
      {
        id: "agent-versions",
        legend: "{version}",
        metric: "spire_agent_started",
        kind: "gauge",
        agg: "count",
        by: ["version"],
        fleet: true,
      },
    ],
  },
];
