import "server-only";

import { loadConfig } from "@/lib/config/load-config";
import type { ServerConfig } from "@/lib/config/schema";
import { expiringEntries } from "@/lib/entries/compact/read-entries";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import { getLocalAuthorities } from "@/lib/spire/authorities";
import { listFederatedBundles } from "@/lib/spire/bundles";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

import { type ExpirySources, summarizeExpiry } from "./expiry-summary";
import { consoleMetrics } from "./registry";

/** A scrape waits at most this long for a server (Prometheus' default scrape timeout is 10 s). */
export const EXPIRY_DEADLINE_MS = 8_000;

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Reads what expires on one server: the authorities and bundles, and the entries and agents of
 * its entry index (cached, shared with the console's pages: a slow walk goes on in the
 * background and a later scrape gets it).
 */
async function readSources(server: ServerConfig): Promise<ExpirySources> {
  const trustDomain = await serverTrustDomain(server);
  const [authorities, federated, index] = await Promise.all([
    getLocalAuthorities(server),
    listFederatedBundles(server),
    readEntryIndex(server, trustDomain),
  ]);
  return { authorities, federated, agents: index.agents, entries: expiringEntries(index) };
}

function setGauges(server: string, sources: ExpirySources): void {
  const m = consoleMetrics();
  const nowSeconds = Math.floor(Date.now() / 1000);
  const summary = summarizeExpiry(sources, nowSeconds);
  const set = (gauge: typeof m.x509Authority, value: number | null) => {
    if (value !== null) gauge.set({ server }, value);
  };
  set(m.x509Authority, summary.x509Authority);
  set(m.jwtAuthority, summary.jwtAuthority);
  set(m.agentSvid, summary.earliestAgentSvid);
  for (const { trustDomain, seconds } of summary.federated)
    m.federatedBundle.set({ server, trust_domain: trustDomain }, seconds);
  for (const { kind, within, count } of summary.expiring) m.expiring.set({ server, kind, within }, count);
  m.expiryCollected.set({ server }, nowSeconds);
}

async function collect(): Promise<void> {
  const m = consoleMetrics();
  const state = loadConfig();
  const servers = state.status === "ok" ? state.config.servers : [];
  const read = await Promise.all(
    servers.map((server) =>
      withDeadline(readSources(server), EXPIRY_DEADLINE_MS).then(
        (sources) => ({ server: server.name, sources }),
        (error: unknown) => {
          console.warn(`[metrics] expiry of ${server.name} not collected: ${(error as Error).message ?? error}`);
          return { server: server.name, sources: null };
        },
      ),
    ),
  );
  // Only servers read in this scrape keep their series: a server that did not answer drops out
  // (its expiry_collection_success is 0) rather than showing stale numbers.
  for (const gauge of [m.x509Authority, m.jwtAuthority, m.agentSvid, m.federatedBundle, m.expiring, m.expiryCollected])
    gauge.reset();
  for (const { server, sources } of read) {
    m.expiryUp.set({ server }, sources ? 1 : 0);
    if (sources) setGauges(server, sources);
  }
}

// On globalThis: the /metrics route and the metrics listener may load this module separately.
const globalForCollect = globalThis as typeof globalThis & { __spireConsoleExpiryCollect?: Promise<void> | null };

/**
 * Recomputes the expiry gauges of every configured server, on scrape rather than on a timer:
 * each server is read with a deadline, concurrent scrapes share one collection. This is the
 * console reading for itself (like its health checks), not on behalf of a user, so no
 * authorization check applies; only numbers and server and trust-domain names leave it.
 */
export function updateExpiryGauges(): Promise<void> {
  globalForCollect.__spireConsoleExpiryCollect ??= collect().finally(
    () => (globalForCollect.__spireConsoleExpiryCollect = null),
  );
  return globalForCollect.__spireConsoleExpiryCollect;
}
