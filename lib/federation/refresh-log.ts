import "server-only";

import type { RefreshOutcome } from "./build-graph";

// On globalThis so every route bundle of the Next server shares one log.
const globalForLog = globalThis as typeof globalThis & { __spireRefreshLog?: Map<string, RefreshOutcome> };
const log = (globalForLog.__spireRefreshLog ??= new Map());

const key = (server: string, trustDomain: string) => `${server}|${trustDomain}`;

/** Notes the outcome of a bundle refresh asked for from the console. */
export function recordRefresh(server: string, trustDomain: string, outcome: RefreshOutcome): void {
  log.set(key(server, trustDomain), outcome);
}

/** The last refresh of each of `server`'s federated trust domains asked for from this console process. */
export function lastRefreshes(server: string): Record<string, RefreshOutcome> {
  const prefix = `${server}|`;
  return Object.fromEntries(
    [...log].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]),
  );
}
