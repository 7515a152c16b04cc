import type { Bundle, FederationRelationship } from "@/lib/spire/types";

import type { FederationFreshness } from "./judge-freshness";
import type { ServerPlacement } from "./server-placement";

/** What one configured server tells us about its federation. */
export type ServerFederationInput = {
  server: string;
  trustDomain: string;
  error: string | null;
  relationships: FederationRelationship[];
  bundles: Bundle[];
  /** Trust domain → number of this server's entries whose federatesWith names it. */
  federatesWithCounts: Record<string, number>;
  /** Trust domain → the last refresh asked for from the console (this console process). */
  lastRefreshes?: Record<string, RefreshOutcome>;
  /** Per relationship: fetches, sequence changes, staleness (read-federation-freshness.ts). */
  freshness?: FederationFreshness[];
};

/** A refresh asked for from the console: when, and the error if it failed. */
export type RefreshOutcome = { at: string; ok: boolean; error: string | null };

export type FederationNode = {
  trustDomain: string;
  server: string | null;
  error: string | null;
  /** Where its server runs in Kubernetes, from the console's `kubernetes.clusters` (empty when nowhere configured). */
  runsIn?: ServerPlacement[];
};

/** A directed edge: `from` (the server's trust domain) fetches the bundle of `to`. */
export type FederationEdge = {
  server: string;
  from: string;
  to: string;
  bundleEndpointUrl: string;
  profile: string;
  endpointSpiffeId: string | null;
  bundlePresent: boolean;
  sequenceNumber: string | null;
  refreshHint: number | null;
  caNotAfter: string | null;
  entryCount: number;
  /** The last refresh asked for from the console, null when none was (SPIRE also refreshes by itself). */
  lastRefresh: RefreshOutcome | null;
  /** What SPIRE's fetch counters and the bundle say about this relationship's freshness. */
  freshness: FederationFreshness | null;
};

export type FederationFlag = {
  kind: "relationship-without-bundle" | "bundle-without-relationship" | "federates-with-missing-bundle";
  server: string;
  trustDomain: string;
  entryCount: number;
  message: string;
};

export type FederationGraph = { nodes: FederationNode[]; edges: FederationEdge[]; flags: FederationFlag[] };

/** Earliest X.509 not-after of a bundle (when its federated CA stops being trusted). */
export function earliestCaNotAfter(bundle: Bundle | null | undefined): string | null {
  const times = (bundle?.x509Authorities ?? []).map((a) => a.notAfter).filter((t): t is string => t !== null);
  return times.sort()[0] ?? null;
}

/** Trust domains as nodes, relationships as edges, and what is inconsistent about them. */
export function buildFederationGraph(inputs: readonly ServerFederationInput[]): FederationGraph {
  const nodes = new Map<string, FederationNode>();
  for (const input of inputs)
    nodes.set(input.trustDomain, { trustDomain: input.trustDomain, server: input.server, error: input.error });
  const edges: FederationEdge[] = [];
  const flags: FederationFlag[] = [];
  for (const input of inputs) {
    const bundles = new Map(input.bundles.map((b) => [b.trustDomain, b]));
    const related = new Set<string>();
    for (const rel of input.relationships) {
      related.add(rel.trustDomain);
      if (!nodes.has(rel.trustDomain))
        nodes.set(rel.trustDomain, { trustDomain: rel.trustDomain, server: null, error: null });
      const bundle = rel.bundle ?? bundles.get(rel.trustDomain) ?? null;
      const entryCount = input.federatesWithCounts[rel.trustDomain] ?? 0;
      edges.push({
        server: input.server,
        from: input.trustDomain,
        to: rel.trustDomain,
        bundleEndpointUrl: rel.bundleEndpointUrl,
        profile: rel.profile.type,
        endpointSpiffeId: rel.profile.type === "https_spiffe" ? rel.profile.endpointSpiffeId : null,
        bundlePresent: bundle !== null,
        sequenceNumber: bundle?.sequenceNumber ?? null,
        refreshHint: bundle?.refreshHint ?? null,
        caNotAfter: earliestCaNotAfter(bundle),
        entryCount,
        lastRefresh: input.lastRefreshes?.[rel.trustDomain] ?? null,
        freshness: input.freshness?.find((f) => f.trustDomain === rel.trustDomain) ?? null,
      });
      if (!bundle) {
        flags.push({
          kind: "relationship-without-bundle",
          server: input.server,
          trustDomain: rel.trustDomain,
          entryCount,
          message: `${input.server} federates with ${rel.trustDomain} but holds no bundle for it yet.`,
        });
      }
    }
    for (const bundle of input.bundles) {
      if (related.has(bundle.trustDomain)) continue;
      flags.push({
        kind: "bundle-without-relationship",
        server: input.server,
        trustDomain: bundle.trustDomain,
        entryCount: input.federatesWithCounts[bundle.trustDomain] ?? 0,
        message: `${input.server} holds a bundle for ${bundle.trustDomain} with no federation relationship to refresh it.`,
      });
    }
    for (const [trustDomain, count] of Object.entries(input.federatesWithCounts)) {
      if (
        count === 0 ||
        bundles.has(trustDomain) ||
        input.relationships.some((r) => r.trustDomain === trustDomain && r.bundle)
      )
        continue;
      flags.push({
        kind: "federates-with-missing-bundle",
        server: input.server,
        trustDomain,
        entryCount: count,
        message: `${count} ${count === 1 ? "entry" : "entries"} on ${input.server} federate with ${trustDomain}, but ${input.server} has no bundle for it.`,
      });
    }
  }
  return { nodes: [...nodes.values()].sort((a, b) => a.trustDomain.localeCompare(b.trustDomain)), edges, flags };
}

/** Counts entries per trust domain named in their federatesWith. */
export function countFederatesWith(entries: readonly { federatesWith: readonly string[] }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) for (const td of entry.federatesWith) counts[td] = (counts[td] ?? 0) + 1;
  return counts;
}
