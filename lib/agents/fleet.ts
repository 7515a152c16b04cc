import { idContains } from "@/lib/entries/match-entry-filters";
import type { Agent } from "@/lib/spire/types";

import { compareVersionsDesc, type VersionSkew, versionSkew } from "./version-skew";

const HOUR_MS = 3_600_000;

/** Where an agent's SVID stands: expired, expiring within 24 h or 7 days, or later. */
export type ExpiryBucket = "expired" | "24h" | "7d" | "later" | "unknown";

export function expiryBucket(expiresAt: string | null, now: number): ExpiryBucket {
  if (!expiresAt) return "unknown";
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) return "expired";
  if (left <= 24 * HOUR_MS) return "24h";
  if (left <= 7 * 24 * HOUR_MS) return "7d";
  return "later";
}

/** One agent as the fleet list shows it. */
export type FleetAgent = Agent & {
  skew: VersionSkew;
  expiry: ExpiryBucket;
  /** Entries parented directly to the agent. */
  entriesCount: number;
  /** Node aliases (entries parented to the server) whose selectors cover the agent. */
  aliasCount: number;
};

/** The Agents page's filters (each one a panel of the fleet summary). */
export type FleetFilters = {
  version?: string;
  attestationType?: string;
  /** `24h`: expiring within a day; `7d`: within a week (both not yet expired); `expired`. */
  expiring?: "24h" | "7d" | "expired";
  canReattest?: boolean;
  banned?: boolean;
  skew?: VersionSkew;
  /** Part of the SPIFFE ID (as on the Entries page: case-insensitive). */
  spiffeIdContains?: string;
};

/** The fleet's health: versions with their skew, attestation types, expiring SVIDs, re-attestation, bans. */
export type FleetSummary = {
  total: number;
  serverVersion: string | null;
  versions: { version: string; count: number; skew: VersionSkew }[];
  attestationTypes: { type: string; count: number }[];
  expiring: { expired: number; within24h: number; within7d: number };
  cannotReattest: number;
  banned: number;
};

/** Counts per version and attestation type (as `spire-server agent list` grouped would), and the rest. */
export function summarizeFleet(agents: readonly Agent[], serverVersion: string | null, now: number): FleetSummary {
  const versions = new Map<string, number>();
  const types = new Map<string, number>();
  let expired = 0;
  let within24h = 0;
  let within7d = 0;
  for (const agent of agents) {
    versions.set(agent.agentVersion, (versions.get(agent.agentVersion) ?? 0) + 1);
    types.set(agent.attestationType, (types.get(agent.attestationType) ?? 0) + 1);
    const bucket = expiryBucket(agent.x509SvidExpiresAt, now);
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
    expiring: { expired, within24h, within7d },
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
  if (filters.expiring) {
    const within: Record<string, ExpiryBucket[]> = { expired: ["expired"], "24h": ["24h"], "7d": ["24h", "7d"] };
    if (!within[filters.expiring]!.includes(agent.expiry)) return false;
  }
  return idContains(agent.spiffeId, filters.spiffeIdContains);
}
