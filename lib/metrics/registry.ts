import "server-only";

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Every metric of the console, in one registry (prefix `spire_console_`). */
export type ConsoleMetrics = ReturnType<typeof createMetrics>;

const prefix = "spire_console_";
const requestBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const walkBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix });
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name: prefix + name, help, labelNames, registers });
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Gauge<L>({ name: prefix + name, help, labelNames, registers });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) =>
    new Histogram<L>({ name: prefix + name, help, labelNames, buckets, registers });
  return {
    registry,
    httpRequests: counter("http_requests_total", "HTTP requests answered", ["route", "method", "status"]),
    httpDuration: histogram(
      "http_request_duration_seconds",
      "Time to answer an HTTP request",
      ["route", "method", "status"],
      requestBuckets,
    ),
    spireCalls: counter("spire_calls_total", "Calls to a SPIRE server's admin API", ["server", "method", "code"]),
    spireDuration: histogram(
      "spire_call_duration_seconds",
      "Duration of calls to a SPIRE server's admin API",
      ["server", "method"],
      requestBuckets,
    ),
    walkDuration: histogram(
      "entry_index_walk_duration_seconds",
      "Duration of a full walk of a server's entries and agents (the entry index)",
      ["server"],
      walkBuckets,
    ),
    indexEntries: gauge("entry_index_entries", "Entries in the last entry index of a server", ["server"]),
    indexAgents: gauge("entry_index_agents", "Agents in the last entry index of a server", ["server"]),
    k8sCalls: counter("kubernetes_calls_total", "Calls to the Kubernetes API", ["operation", "code"]),
    k8sDuration: histogram(
      "kubernetes_call_duration_seconds",
      "Duration of calls to the Kubernetes API",
      ["operation"],
      requestBuckets,
    ),
    signIns: counter("sign_ins_total", "Finished OIDC sign-ins", ["outcome"]),
    denials: counter("authorization_denials_total", "Requests refused by the authorization check", ["action"]),
    auditWriteFailures: counter("audit_write_failures_total", "Audit records that could not be written", []),
    auditSinkFailures: counter(
      "audit_sink_failures_total",
      "Audit lines (records, signed checkpoints) that could not be written to the audit sink",
      ["sink"],
    ),
    x509Authority: gauge(
      "x509_authority_expiry_seconds",
      "Seconds until the active X.509 authority of a server expires",
      ["server"],
    ),
    jwtAuthority: gauge("jwt_authority_expiry_seconds", "Seconds until the active JWT authority expires", ["server"]),
    agentSvid: gauge(
      "agent_svid_earliest_expiry_seconds",
      "Seconds until the earliest agent X509-SVID of a server expires",
      ["server"],
    ),
    federatedBundle: gauge(
      "federated_bundle_expiry_seconds",
      "Seconds until the earliest X.509 CA of a federated bundle expires",
      ["server", "trust_domain"],
    ),
    expiring: gauge(
      "expiring_items",
      "Entries and agent SVIDs already expired, or expiring within 24 hours or 7 days (cumulative)",
      ["server", "kind", "within"],
    ),
    expiryCollected: gauge(
      "expiry_collected_timestamp_seconds",
      "When the expiry gauges of a server were computed (Unix time, whole seconds)",
      ["server"],
    ),
    entrySetDrift: gauge(
      "entry_set_drift",
      "Entries of a watched entry set that differ from its server, by kind (create, update, delete, unmanaged)",
      ["set", "server", "kind"],
    ),
    entrySetUp: gauge("entry_set_plan_success", "1 when the last plan of a watched entry set succeeded, else 0", [
      "set",
      "server",
    ]),
    entrySetLastRun: gauge(
      "entry_set_last_run_timestamp_seconds",
      "When a watched entry set was last planned (Unix time, whole seconds)",
      ["set", "server"],
    ),
    entrySetAutoApplies: counter("entry_set_auto_applies_total", "autoApply runs of a watched entry set", [
      "set",
      "server",
      "outcome",
    ]),
    expiryUp: gauge(
      "expiry_collection_success",
      "1 when the expiry gauges of a server could be read within the deadline, else 0",
      ["server"],
    ),
  };
}

// On globalThis so every route bundle of the Next server (and the metrics listener) shares one registry.
const globalForMetrics = globalThis as typeof globalThis & { __spireConsoleMetrics?: ConsoleMetrics };

/** The console's metrics, created once per process. */
export function consoleMetrics(): ConsoleMetrics {
  return (globalForMetrics.__spireConsoleMetrics ??= createMetrics());
}
