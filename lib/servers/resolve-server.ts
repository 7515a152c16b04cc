import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { loadConfig } from "@/lib/config/load-config";
import type { ServerConfig } from "@/lib/config/schema";

/**
 * The configured servers. Throws 503 `not_configured` when there is no config file or it is
 * invalid (the message says which, and the config-error page shows the details).
 */
export function configuredServers(): ServerConfig[] {
  const state = loadConfig();
  if (state.status === "unconfigured") {
    throw new ApiError(
      "not_configured",
      "No SPIRE servers are configured: set SPIRE_CONSOLE_CONFIG or run `npm run stack:up`.",
    );
  }
  if (state.status === "invalid") throw new ApiError("not_configured", state.message);
  return state.config.servers;
}

/** The configured server called `name`; an unknown name is a 404 that says so. */
export function getServerConfig(name: string): ServerConfig {
  const server = configuredServers().find((s) => s.name === name);
  if (!server) throw new ApiError("not_found", `Unknown SPIRE server '${name}'.`);
  return server;
}

/** The servers a view covers: just `only` when given (404 if unknown), else all of them. */
export function serversInScope(only?: string): ServerConfig[] {
  return only ? [getServerConfig(only)] : configuredServers();
}

/**
 * The server to use when a request may leave it open: the one asked for, else `preferred` (e.g.
 * the cluster's SPIRE server) when it is configured, else the first configured server.
 */
export function pickServer(asked: string | undefined, preferred?: string): ServerConfig {
  if (asked) return getServerConfig(asked);
  const servers = configuredServers();
  return servers.find((s) => s.name === preferred) ?? servers[0]!;
}

/** The server a page shows: `?server=` when it names a configured server, else the first one ("" when none). */
export function selectedServerFrom(requested: string | null | undefined): string {
  const state = loadConfig();
  const names = state.status === "ok" ? state.config.servers.map((s) => s.name) : [];
  if (typeof requested === "string" && names.includes(requested)) return requested;
  return names[0] ?? "";
}

/** `selectedServerFrom` for a page's `searchParams`. */
export async function selectedServerName(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
): Promise<string> {
  const requested = (await searchParams).server;
  return selectedServerFrom(typeof requested === "string" ? requested : null);
}
