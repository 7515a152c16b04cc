import { idContains } from "@/lib/entries/match-entry-filters";
import { type AgentRenewalContext, agentSvidUrgency } from "@/lib/expiry/agent-renewal";
import { thresholdsFromConfig, type UrgencyThresholds, urgencyThresholds } from "@/lib/expiry/classify-expiry";
import type { Agent } from "@/lib/spire/types";

import { agentCluster } from "./agent-cluster";
import { compareVersionsDesc, type VersionSkew, versionSkew } from "./version-skew";

/**
 * Where an agent's SVID stands: expired; expiring within the critical window (`24h`, 24 h by
 * default) or the warning window (`7d`) without renewing in time; or no risk (`later`: it renews by
 * itself, or expires later).
 */
export type ExpiryBucket = "expired" | "24h" | "7d" | "later" | "unknown";

/** An agent's bucket by the one agent SVID urgency (`agentSvidUrgency`) the Expiry page and Overview use too. */
export function expiryBucket(
  agent: Agent,
  renewal: AgentRenewalContext,
  now: number,
  thresholds: UrgencyThresholds = urgencyThresholds,
): ExpiryBucket {
  const urgency = agentSvidUrgency(agent, renewal, now, thresholds);
  if (urgency === null) return "unknown";
  return ({ expired: "expired", critical: "24h", warning: "7d", ok: "later" } as const)[urgency];
}

/** One agent as the fleet list shows it. */
export type FleetAgent = Agent & {
  skew: VersionSkew;
  expiry: ExpiryBucket;
  /** Entries parented directly to the agent. */
  entriesCount: number;
  /** Node aliases (entries parented to the server) whose selectors cover the agent. */
  aliasCount: number;
  /** The Kubernetes cluster of a k8s_psat agent (from its attestation), else null. */
  cluster: string | null;
};

/** The Agents page's filters (each one a panel of the fleet summary). */
export type FleetFilters = {
  version?: string;
  attestationType?: string;
  /** `24h`: not renewing and expiring within the critical window; `7d`: within the warning window; `expired`. */
  expiring?: "24h" | "7d" | "expired";
  canReattest?: boolean;
  banned?: boolean;
  skew?: VersionSkew;
  /** Part of the SPIFFE ID (as on the Entries page: case-insensitive). */
  spiffeIdContains?: string;
  /** The k8s_psat agents of this Kubernetes cluster. */
  cluster?: string;
};

/** The fleet's health: versions with their skew, attestation types, expiring SVIDs, re-attestation, bans. */
export type FleetSummary = {
  total: number;
  serverVersion: string | null;
  versions: { version: string; count: number; skew: VersionSkew }[];
  attestationTypes: { type: string; count: number }[];
  /** k8s_psat agents per Kubernetes cluster. */
  clusters: { cluster: string; count: number }[];
  /** Agents that will not renew in time (`within24h`: the critical window, `within7d`: the warning one). */
  expiring: { expired: number; within24h: number; within7d: number };
  /** The configured windows the counts are for (config `expiry`). */
  windows: { criticalHours: number; warningDays: number };
  cannotReattest: number;
  banned: number;
};

/** Counts per version and attestation type (as `spire-server agent list` grouped would), and the rest. */
export function summarizeFleet(
  agents: readonly Agent[],
  serverVersion: string | null,
  now: number,
  renewal: AgentRenewalContext,
  windows: { criticalHours: number; warningDays: number } = { criticalHours: 24, warningDays: 7 },
): FleetSummary {
  const thresholds = thresholdsFromConfig(windows);
  const versions = new Map<string, number>();
  const types = new Map<string, number>();
  const clusters = new Map<string, number>();
  let expired = 0;
  let within24h = 0;
  let within7d = 0;
  for (const agent of agents) {
    versions.set(agent.agentVersion, (versions.get(agent.agentVersion) ?? 0) + 1);
    types.set(agent.attestationType, (types.get(agent.attestationType) ?? 0) + 1);
    const cluster = agentCluster(agent);
    if (cluster) clusters.set(cluster, (clusters.get(cluster) ?? 0) + 1);
    const bucket = expiryBucket(agent, renewal, now, thresholds);
    if (bucket === "expired") expired += 1;
    if (bucket === "24h") within24h += 1;
    if (bucket === "24h" || bucket === "7d") within7d += 1;
  }
  return {
    total: agents.length,
    serverVersion,
    versions: [...versions]
      .sort(([a], [b]) => compareVersionsDesc(a, b))
      .map(([version, count]) => ({ version, count, skew: versionSkew(version, serverVersion) })),
    attestationTypes: [...types].sort(([a], [b]) => a.localeCompare(b)).map(([type, count]) => ({ type, count })),
    clusters: [...clusters].sort(([a], [b]) => a.localeCompare(b)).map(([cluster, count]) => ({ cluster, count })),
    expiring: { expired, within24h, within7d },
    windows,
    cannotReattest: agents.filter((a) => !a.canReattest).length,
    banned: agents.filter((a) => a.banned).length,
  };
}

/** Whether an agent passes every given filter. */
export function matchesFleetFilters(agent: FleetAgent, filters: FleetFilters): boolean {
  if (filters.version !== undefined && agent.agentVersion !== filters.version) return false;
  if (filters.attestationType && agent.attestationType !== filters.attestationType) return false;
  if (filters.banned !== undefined && agent.banned !== filters.banned) return false;
  if (filters.canReattest !== undefined && agent.canReattest !== filters.canReattest) return false;
  if (filters.skew && agent.skew !== filters.skew) return false;
  if (filters.cluster && agent.cluster !== filters.cluster) return false;
  if (filters.expiring) {
    const within: Record<string, ExpiryBucket[]> = { expired: ["expired"], "24h": ["24h"], "7d": ["24h", "7d"] };
    if (!within[filters.expiring]!.includes(agent.expiry)) return false;
  }
  return idContains(agent.spiffeId, filters.spiffeIdContains);
}
