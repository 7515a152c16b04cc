import "server-only";

import { cookies } from "next/headers";

import { ApiError } from "@/lib/api/api-error";
import { loadConfig } from "@/lib/config/load-config";
import type { ServerConfig } from "@/lib/config/schema";

import { chooseServer, SERVER_COOKIE, type ServerChoice } from "./server-choice";

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

/** The names of the configured servers ([] when the configuration is missing or invalid). */
export function configuredServerNames(): string[] {
  const state = loadConfig();
  return state.status === "ok" ? state.config.servers.map((s) => s.name) : [];
}

/** The server last chosen in the switcher, from its cookie (pages only; undefined outside a request). */
export async function rememberedServer(): Promise<string | undefined> {
  return (await cookies()).get(SERVER_COOKIE)?.value;
}

/**
 * The server a per-server page shows: `?server=` (an unknown name is reported, not replaced),
 * else the remembered choice, else the first configured server. See `chooseServer`.
 */
export async function pageServerChoice(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
): Promise<ServerChoice> {
  const requested = (await searchParams).server;
  return chooseServer(
    configuredServerNames(),
    typeof requested === "string" ? requested : null,
    await rememberedServer(),
  );
}

/**
 * The server the authorization check of a page runs against: the one the page shows, or for an
 * unknown `?server=` the first configured server (the page then says the name is unknown).
 */
export async function pageServerForCheck(requested: string | null): Promise<string> {
  const names = configuredServerNames();
  const choice = chooseServer(names, requested, await rememberedServer());
  return choice.ok ? choice.name : (names[0] ?? "");
}
