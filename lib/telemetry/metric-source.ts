import "server-only";

import { loadConfig } from "@/lib/config/load-config";
import type { PrometheusConfig } from "@/lib/config/prometheus-schema";
import type { ServerConfig } from "@/lib/config/schema";

/** Where SPIRE's metrics of one server come from: the operator's Prometheus, the server's own endpoint, or nowhere. */
export type MetricSource =
  | { kind: "prometheus"; prometheus: PrometheusConfig }
  | { kind: "telemetry"; url: string; timeoutMs: number }
  | { kind: "none" };

/** The configured Prometheus, if any (none while the config is missing or invalid). */
export function readPrometheusConfig(): PrometheusConfig | undefined {
  const state = loadConfig();
  return state.status === "ok" ? state.config.prometheus : undefined;
}

/** Picks the source of a server's SPIRE metrics: Prometheus when configured, else `servers[].telemetry`. */
export function readMetricSource(server: ServerConfig): MetricSource {
  const prometheus = readPrometheusConfig();
  if (prometheus) return { kind: "prometheus", prometheus };
  if (server.telemetry) return { kind: "telemetry", url: server.telemetry, timeoutMs: server.timeoutMs };
  return { kind: "none" };
}
