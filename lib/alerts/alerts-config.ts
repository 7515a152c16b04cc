import "server-only";

import { type AlertsConfig, alertsConfigSchema } from "@/lib/config/alerts-schema";
import { loadConfig } from "@/lib/config/load-config";

/** The `alerts` section of the config (the defaults, which allow no destination, while the config is not valid). */
export function alertsConfig(): AlertsConfig {
  const state = loadConfig();
  return state.status === "ok" ? state.config.alerts : alertsConfigSchema.parse({});
}
