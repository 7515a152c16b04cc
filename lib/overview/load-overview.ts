import "server-only";

import { userMessage } from "@/lib/api/user-message";
import { authorize, readableServers } from "@/lib/auth/guard";
import { getEntryIndex } from "@/lib/entries/entry-index-cache";
import { DAY_MS, type ExpiryItem } from "@/lib/expiry/classify-expiry";
import { readServerExpiry } from "@/lib/expiry/load-expiry";
import type { FederationEdge, FederationFlag } from "@/lib/federation/build-graph";
import { buildFederationGraph } from "@/lib/federation/build-graph";
import { readServerFederation } from "@/lib/federation/load-federation";
import { buildProblems, type Problem } from "@/lib/overview/build-problems";
import { configuredServers } from "@/lib/servers/resolve-server";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

export type OverviewServer = {
  server: string;
  error: string | null;
  orphans: number;
  expiredAgents: number;
  bannedAgents: number;
  nearest: ExpiryItem[];
};

export type Overview = {
  servers: OverviewServer[];
  problems: Problem[];
  federation: { edges: FederationEdge[]; flags: FederationFlag[] };
};

/** Per-server problem counts, nearest expiries, the federation summary and the problems list. */
export async function getOverview(): Promise<Overview> {
  await authorize("servers.read");
  const now = Date.now();
  const configs = await readableServers(configuredServers(), "servers.read");
  const [expiries, federations, indexes] = await Promise.all([
    Promise.all(configs.map((s) => readServerExpiry(s, now))),
    Promise.all(configs.map(readServerFederation)),
    Promise.all(
      configs.map((s) =>
        serverTrustDomain(s)
          .then((td) => getEntryIndex(s, td))
          .catch((error: unknown) => ({ failed: userMessage(error, `reading the entries of ${s.name}`) })),
      ),
    ),
  ]);
  const graph = buildFederationGraph(federations);
  const servers: OverviewServer[] = configs.map((config, i) => {
    const index = indexes[i];
    const expiry = expiries[i];
    if (!index || "failed" in index) {
      return {
        server: config.name,
        error: index?.failed ?? "unavailable",
        orphans: 0,
        expiredAgents: 0,
        bannedAgents: 0,
        nearest: [],
      };
    }
    return {
      server: config.name,
      error: null,
      orphans: index.orphans.length,
      expiredAgents: index.expiredAgents.size,
      bannedAgents: index.agents.filter((a) => a.banned).length,
      nearest: (expiry?.items ?? []).slice(0, 5),
    };
  });
  const problems = buildProblems(
    servers.map((s, i) => {
      const warnings = expiries[i]?.ttlWarnings ?? [];
      const soon = (expiries[i]?.items ?? []).filter(
        (item) => item.kind !== "agent-svid" && Date.parse(item.expiresAt) - now <= DAY_MS,
      );
      return {
        ...s,
        ttlWarnings: {
          capped: warnings.filter((w) => w.status === "capped").length,
          atRisk: warnings.filter((w) => w.status === "at-risk").length,
        },
        expiringSoon: soon.map((item) => ({
          label: item.label,
          expiresAt: item.expiresAt,
          href: item.href,
          expired: item.urgency === "expired",
        })),
      };
    }),
    graph.flags,
  );
  return { servers, problems, federation: { edges: graph.edges, flags: graph.flags } };
}
