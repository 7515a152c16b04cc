// Validates the console's configuration once at start-up so a bad file is reported in the
// server log immediately (the UI shows the same error on every page).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadConfig } = await import("@/lib/config/load-config");
  const state = loadConfig();
  if (state.status === "ok") {
    process.stdout.write(`[config] ${state.config.servers.length} SPIRE server(s) from ${state.source}\n`);
  } else if (state.status === "invalid") {
    console.error(`[config] ${state.message}`);
  } else {
    console.warn(`[config] no configuration found (looked at ${state.searched.join(", ")}); set SPIRE_CONSOLE_CONFIG`);
  }
}
