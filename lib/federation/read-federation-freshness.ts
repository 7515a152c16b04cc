import "server-only";

import { userMessage } from "@/lib/api/user-message";
import type { ServerConfig } from "@/lib/config/schema";
import { listFederatedBundles } from "@/lib/spire/bundles";
import { listFederationRelationships } from "@/lib/spire/federation";
import type { Bundle, FederationRelationship } from "@/lib/spire/types";
import { readMetricSource } from "@/lib/telemetry/metric-source";

import { type FetchSeries, queryFetchSeries, scrapeFetchSeries } from "./fetch-history";
import { type FederationFreshness, judgeFreshness } from "./judge-freshness";
import { lastRefreshes } from "./refresh-log";
import { noteBundleVersion } from "./sequence-tracker";
import { summarizeFetches } from "./summarize-fetches";

async function readFetchSeries(server: ServerConfig, now: number): Promise<FetchSeries | null> {
  const source = readMetricSource(server);
  if (source.kind === "prometheus") return queryFetchSeries(source.prometheus, server.name, now);
  if (source.kind === "telemetry") return scrapeFetchSeries(server.name, source.url, source.timeoutMs, now);
  return null;
}

/**
 * Judges each of `server`'s federation relationships from what it already read (relationships and bundles) and
 * SPIRE's fetch counters (Prometheus, else the server's telemetry endpoint). Never throws for the metrics: a
 * failure is in each answer's `problem`. Assumes the caller has authorized.
 */
export async function judgeServerFederation(
  server: ServerConfig,
  relationships: readonly FederationRelationship[],
  bundles: readonly Bundle[],
  now = Date.now() / 1000,
): Promise<FederationFreshness[]> {
  const source = readMetricSource(server).kind;
  let fetches: FetchSeries | null = null;
  let problem: string | null = source === "none" ? "No Prometheus and no servers[].telemetry: fetches unknown." : null;
  try {
    fetches = await readFetchSeries(server, now);
  } catch (error) {
    problem = userMessage(error, `reading ${server.name}'s bundle fetches`);
  }
  const refreshes = lastRefreshes(server.name);
  return relationships.map((rel) => {
    const bundle = rel.bundle ?? bundles.find((b) => b.trustDomain === rel.trustDomain) ?? null;
    const refresh = refreshes[rel.trustDomain];
    return judgeFreshness({
      server: server.name,
      trustDomain: rel.trustDomain,
      source,
      bundle,
      fetches: fetches ? summarizeFetches(fetches.series, rel.trustDomain, fetches.window) : null,
      sequence: noteBundleVersion(server.name, rel.trustDomain, bundle, now),
      refreshError:
        refresh && !refresh.ok ? { at: Date.parse(refresh.at) / 1000, message: refresh.error ?? "failed" } : null,
      problem,
      now,
    });
  });
}

/**
 * Per-relationship federation freshness of one server (for alert rules): reads its relationships and bundles, then
 * judges them. Throws when SPIRE cannot be read. Assumes the caller has authorized.
 */
export async function readFederationFreshness(server: ServerConfig): Promise<FederationFreshness[]> {
  const [relationships, bundles] = await Promise.all([
    listFederationRelationships(server),
    listFederatedBundles(server),
  ]);
  return judgeServerFederation(server, relationships, bundles);
}
