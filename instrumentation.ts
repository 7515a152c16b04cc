// Runs once when the console's server starts (Node.js runtime only): reports the configuration,
// refuses a second console on the same SQLite store, listens for other replicas' entry changes,
// schedules the audit log's daily retention run and starts the metrics listener when configured.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startConsoleProcess } = await import("@/lib/startup/start-console-process");
  await startConsoleProcess();
}
