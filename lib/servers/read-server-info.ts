import "server-only";

import type { ServerConfig } from "@/lib/config/schema";
import { getServerInfo } from "@/lib/spire/health";
import type { ServerInfo } from "@/lib/spire/types";

import { RevalidatingValue } from "./revalidating-value";

/**
 * SPIRE's Debug `GetInfo` answers under one lock and, once its own answer is 5 s old, counts
 * every agent and entry first (seconds at 100,000 entries), so every caller in that window waits.
 * The console keeps its answer this long and then refreshes it in the background.
 */
const FRESH_MS = 30_000;

// On globalThis so every route bundle of the Next server shares one cache.
const globalForInfo = globalThis as typeof globalThis & {
  __spireServerInfo?: Map<string, { address: string; value: RevalidatingValue<ServerInfo> }>;
};
const kept = (globalForInfo.__spireServerInfo ??= new Map());

/**
 * The server's Debug API view (uptime, its SVID chain), read at most every 30 s per server and
 * replica; the uptime is advanced by the time since the read. Throws what the read threw.
 */
export async function readServerInfo(server: ServerConfig): Promise<ServerInfo> {
  let slot = kept.get(server.name);
  if (!slot || slot.address !== server.address) {
    slot = { address: server.address, value: new RevalidatingValue(() => getServerInfo(server), FRESH_MS) };
    kept.set(server.name, slot);
  }
  const { data, readAt } = await slot.value.get();
  const since = Math.floor((Date.now() - readAt) / 1000);
  return { ...data, uptimeSeconds: data.uptimeSeconds === null ? null : data.uptimeSeconds + since };
}

/** Forgets the kept answer of a server that failed a health check (it may come back restarted). */
export function forgetServerInfo(server: string): void {
  kept.delete(server);
}
