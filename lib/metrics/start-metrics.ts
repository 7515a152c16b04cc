import "server-only";

import { installHttpObserver } from "./http-observer";
import { startMetricsServer } from "./metrics-server";
import { metricsSettings } from "./settings";

/** At start-up: counts HTTP requests from now on, and opens the metrics port when one is configured. */
export function startMetrics(): void {
  installHttpObserver();
  const { port, host } = metricsSettings();
  if (port !== null) startMetricsServer(port, host);
}
