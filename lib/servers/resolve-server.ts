import "server-only";

import { loadConfig } from "@/lib/config/load-config";

/** The server a page shows: `?server=` when it names a configured server, else the first one. */
export async function selectedServerName(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
): Promise<string> {
  const requested = (await searchParams).server;
  const state = loadConfig();
  const names = state.status === "ok" ? state.config.servers.map((s) => s.name) : [];
  if (typeof requested === "string" && names.includes(requested)) return requested;
  return names[0] ?? "";
}
