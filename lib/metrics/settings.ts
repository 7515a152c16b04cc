import "server-only";

import { loadConfig } from "@/lib/config/load-config";

/**
 * Where /metrics is served: on its own port (`metrics.port`, env SPIRE_CONSOLE_METRICS_PORT wins), else with the UI.
 */
export type MetricsSettings = { port: number | null; host: string };

/** The metrics settings from the environment and the config file. */
export function metricsSettings(): MetricsSettings {
  const state = loadConfig();
  const config = state.status === "ok" ? state.config.metrics : undefined;
  const fromEnv = Number(process.env.SPIRE_CONSOLE_METRICS_PORT);
  const port = Number.isInteger(fromEnv) && fromEnv > 0 && fromEnv < 65_536 ? fromEnv : (config?.port ?? null);
  return { port, host: process.env.SPIRE_CONSOLE_METRICS_HOST || config?.host || "127.0.0.1" };
}
