import "server-only";

import type { ServerConfig } from "@/lib/config/schema";
import { queryInstant } from "@/lib/prometheus/promql";
import { scrapeTelemetry } from "@/lib/prometheus/scrape-telemetry";
import { readMetricSource } from "@/lib/telemetry/metric-source";

import { type AttestationReading, countFailedAttestations, failuresInWindow } from "./attestation-window";
import type { AttestationSignal } from "./signals";

/** The window failed attestations are counted over (the attestation panel's, and Prometheus' increase[5m]). */
export const ATTESTATION_WINDOW_MS = 5 * 60_000;

/**
 * SPIRE counts AttestAgent calls by gRPC status in the count of the call's timing summary (its telemetry has no
 * plain counter for the call).
 */
export const ATTEST_CALLS = "spire_server_rpc_agent_v1_agent_attest_agent_elapsed_time_count";

// Counter totals read from a telemetry endpoint, per server, kept for one window and a half (on globalThis: the
// engine and the route bundles share the process).
const globalForHistory = globalThis as typeof globalThis & { __spireAttestHistory?: Map<string, AttestationReading[]> };
const history = (globalForHistory.__spireAttestHistory ??= new Map());

const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/**
 * Failed node attestations (AttestAgent calls with any status but OK) of `server` in the last five minutes: the
 * increase Prometheus reports at `now`, or, from the server's telemetry endpoint, the growth of its totals between
 * this console's readings up to `now`. Null when neither `prometheus` nor the server's `telemetry` is configured. Throws when the
 * configured source cannot be read.
 */
export async function readAttestationFailures(
  server: ServerConfig,
  now = Date.now(),
): Promise<AttestationSignal | null> {
  const source = readMetricSource(server);
  if (source.kind === "none") return null;
  if (source.kind === "prometheus") {
    const selector = `${ATTEST_CALLS}{${source.prometheus.serverLabel}=${quote(server.name)}}`;
    // Asked at the evaluation's own time, so the count can be checked against the same query later.
    const samples = await queryInstant(source.prometheus, `sum by (status) (increase(${selector}[5m]))`, now / 1000);
    const values = samples.map((s) => ({ signal: "attest-agent", labels: s.labels, value: s.point.v }));
    return { ...countFailedAttestations(values), source: "prometheus" };
  }
  const samples = await scrapeTelemetry(source.url, source.timeoutMs, `${server.name}'s telemetry endpoint`);
  const values = samples
    .filter((s) => s.name === ATTEST_CALLS)
    .map((s) => ({ signal: "attest-agent", labels: s.labels, value: s.value }));
  const counted = countFailedAttestations(values);
  const readings = [...(history.get(server.name) ?? []), { at: now, ...counted }].filter(
    (r) => r.at >= now - 1.5 * ATTESTATION_WINDOW_MS,
  );
  history.set(server.name, readings);
  return {
    failed: failuresInWindow(readings, now, ATTESTATION_WINDOW_MS),
    byStatus: counted.byStatus,
    source: "telemetry",
  };
}
