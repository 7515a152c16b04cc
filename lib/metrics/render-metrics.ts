import "server-only";

import { updateExpiryGauges } from "./collect-expiry";
import { consoleMetrics } from "./registry";

/** The Prometheus text exposition of every metric, with the expiry gauges freshly computed. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  await updateExpiryGauges();
  const { registry } = consoleMetrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
