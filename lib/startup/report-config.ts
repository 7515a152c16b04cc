import "server-only";

import { loadConfig } from "@/lib/config/load-config";

/** Says at start-up which configuration the console runs with, so a bad file shows in the log at once. */
export function reportConfigAtStartup(): void {
  const state = loadConfig();
  if (state.status === "ok") {
    process.stdout.write(`[config] ${state.config.servers.length} SPIRE server(s) from ${state.source}\n`);
  } else if (state.status === "invalid") {
    console.error(`[config] ${state.message}`);
  } else {
    console.warn(`[config] no configuration found (looked at ${state.searched.join(", ")}); set SPIRE_CONSOLE_CONFIG`);
  }
}
