import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { userMessage } from "@/lib/api/user-message";
import { allows, authorize, readableServers } from "@/lib/auth/guard";
import { orphansOf } from "@/lib/entries/compact/orphans-of";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import { countOrphanKinds, type OrphanKind } from "@/lib/entries/orphan-kind";
import type { ExpiryItem } from "@/lib/expiry/classify-expiry";
import { configuredExpiry, readServerExpiry } from "@/lib/expiry/load-expiry";
import type { FederationEdge, FederationFlag } from "@/lib/federation/build-graph";
import { buildFederationGraph } from "@/lib/federation/build-graph";
import { readServerFederation } from "@/lib/federation/load-federation";
import { loadDeploymentReports } from "@/lib/kubernetes/load-deployments";
import { buildProblems, type Problem, sortProblems } from "@/lib/overview/build-problems";
import { attestationProblems, kubernetesProblems } from "@/lib/overview/cluster-problems";
import { configuredServers } from "@/lib/servers/resolve-server";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import { readAttestationIssues } from "@/lib/troubleshoot/load-agent-attestation";

export type OverviewServer = {
  server: string;
  error: string | null;
  /** Entries the tree cannot place, by the one orphan taxonomy the Clean-up uses too. */
  orphans: Record<OrphanKind, number>;
  expiredAgents: number;
  bannedAgents: number;
  nearest: ExpiryItem[];
};

export type Overview = {
  servers: OverviewServer[];
  /** Every problem the console knows, errors first: SPIRE, federation, expiry, Kubernetes, attestation. */
  problems: Problem[];
  /** Checks that could not run (e.g. the Kubernetes API did not answer), with why. */
  unchecked: string[];
  federation: { edges: FederationEdge[]; flags: FederationFlag[] };
};

/** Per-server problem counts, nearest expiries, the federation summary and every problem the console knows. */
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
          .then((td) => readEntryIndex(s, td))
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
        orphans: { "orphan-entry": 0, "parent-agent-evicted": 0 },
        expiredAgents: 0,
        bannedAgents: 0,
        nearest: [],
      };
    }
    return {
      server: config.name,
      error: null,
      orphans: countOrphanKinds(orphansOf(index), index.trustDomain),
      expiredAgents: index.expiredAgents.size,
      bannedAgents: index.agents.filter((a) => a.banned).length,
      nearest: (expiry?.items ?? []).slice(0, 5),
    };
  });
  const windows = configuredExpiry();
  const problems = buildProblems(
    servers.map((s, i) => {
      const warnings = expiries[i]?.ttlWarnings ?? [];
      const urgent = (expiries[i]?.items ?? []).filter(
        (item) => item.urgency === "critical" || item.urgency === "expired",
      );
      // Agents are counted (as the Agents page counts them), not listed one by one; expired ones are expiredAgents.
      const soon = urgent.filter((item) => item.kind !== "agent-svid");
      return {
        ...s,
        agentsExpiring: urgent.filter((item) => item.kind === "agent-svid" && item.urgency === "critical").length,
        windows,
        ttlWarnings: {
          capped: warnings.filter((w) => w.status === "capped").length,
          atRisk: warnings.filter((w) => w.status === "at-risk").length,
        },
        expiringSoon: soon.map((item) => ({
          label: item.label,
          expiresAt: item.expiresAt,
          href: item.href,
          expired: item.urgency === "expired",
          advice: item.advice,
        })),
      };
    }),
    graph.flags,
  );
  const cluster = await readClusterProblems(now);
  return {
    servers,
    problems: sortProblems([...problems, ...cluster.problems]),
    unchecked: cluster.unchecked,
    federation: { edges: graph.edges, flags: graph.flags },
  };
}

const quietCodes = new Set(["not_configured", "permission_denied"]);

/**
 * The Kubernetes page's problems and the troubleshooter's attestation findings. A cluster that is
 * not configured, or that the caller may not read, adds nothing; one that fails is named in
 * `unchecked` (so the Overview never says "no problems" about what it could not check).
 */
async function readClusterProblems(now: number): Promise<{ problems: Problem[]; unchecked: string[] }> {
  const problems: Problem[] = [];
  const unchecked: string[] = [];
  const settle = async (what: string, read: () => Promise<void>) => {
    try {
      await read();
    } catch (error) {
      if (error instanceof ApiError && quietCodes.has(error.code)) return;
      unchecked.push(userMessage(error, what));
    }
  };
  await Promise.all([
    settle("reading the Kubernetes reports", async () => {
      if (!(await allows("kubernetes.read"))) return;
      const { deployments, reports } = await loadDeploymentReports(now);
      for (const d of deployments) {
        const report = reports.get(`${d.cluster}/${d.deployment}`);
        if (!report) {
          unchecked.push(`Cluster ${d.cluster} (deployment ${d.deployment}): ${d.message ?? "not read"}`);
          continue;
        }
        const at = { cluster: d.cluster, deployment: d.deployment };
        problems.push(...kubernetesProblems(report.problems, report.spire.serverName ?? "cluster", at));
      }
    }),
    settle("checking agent attestation", async () => {
      const found = await readAttestationIssues({ now });
      problems.push(...attestationProblems(found.issues, found.server));
    }),
  ]);
  return { problems, unchecked };
}
