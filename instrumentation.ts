// Runs once when the console's server starts (Node.js runtime only).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportConfigAtStartup } = await import("@/lib/config/report-config");
  reportConfigAtStartup();
  const { startMetrics } = await import("@/lib/metrics/start-metrics");
  startMetrics();
}
