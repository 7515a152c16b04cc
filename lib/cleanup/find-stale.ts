import { findOrphans } from "@/lib/entries/find-orphans";
import { formatDuration } from "@/lib/format/time";
import { serverSpiffeId } from "@/lib/schemas/spiffe-id";
import type { Agent, Entry } from "@/lib/spire/types";

import { type CleanupReport, type Finding, type FindingKind, findingKinds } from "./cleanup-types";
import { findDuplicates } from "./find-duplicates";

const DAY_MS = 86_400_000;

export type StaleInput = {
  server: string;
  trustDomain: string;
  entries: readonly Entry[];
  agents: readonly Agent[];
  now: number;
  /** Agents (and entries under them) count once their SVID expired this many days ago. */
  agentExpiredDays: number;
  /** Agents the audit log says were evicted through the console: when and by whom. */
  evicted?: ReadonlyMap<string, { at: string; by: string }>;
  /** Why spire-controller-manager owns an entry (empty when it does not). */
  ownership: (entry: Entry) => string[];
  includeControllerOwned?: boolean;
};

/** How long ago `iso` was: whole days past two days, else hours, minutes and seconds. */
function ago(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return seconds >= 2 * 86_400 ? `${Math.floor(seconds / 86_400)} days` : formatDuration(seconds);
}

/** Why each entry is stale, by kind (an entry can be stale for several reasons). */
function entryReasons(input: StaleInput): Map<string, Map<FindingKind, string>> {
  const { entries, agents, now, trustDomain } = input;
  const reasons = new Map<string, Map<FindingKind, string>>();
  const add = (entry: Entry, kind: FindingKind, reason: string) => {
    const map = reasons.get(entry.id) ?? new Map<FindingKind, string>();
    if (!map.has(kind)) map.set(kind, reason);
    reasons.set(entry.id, map);
  };
  const agentById = new Map(agents.map((a) => [a.spiffeId, a]));
  const cutoff = now - input.agentExpiredDays * DAY_MS;
  const agentPrefix = `spiffe://${trustDomain}/spire/agent/`;
  for (const { entry, reason } of findOrphans(entries, serverSpiffeId(trustDomain), new Set(agentById.keys()))) {
    if (reason === "unreachable") {
      add(entry, "orphan-entry", `Its parent chain ${entry.parentId} loops without reaching an agent or the server.`);
    } else if (entry.parentId.startsWith(agentPrefix)) {
      const evicted = input.evicted?.get(entry.parentId);
      add(
        entry,
        "parent-agent-evicted",
        evicted
          ? `Its parent agent ${entry.parentId} was evicted by ${evicted.by} on ${evicted.at}; no agent can receive it.`
          : `Its parent agent ${entry.parentId} is not attested (evicted, or never attested); no agent can receive it.`,
      );
    } else {
      add(
        entry,
        "orphan-entry",
        `Its parent ${entry.parentId} is neither an attested agent, the server, nor any entry's SPIFFE ID.`,
      );
    }
  }
  for (const entry of entries) {
    const parent = agentById.get(entry.parentId);
    if (parent?.banned) add(entry, "parent-agent-banned", `Its parent agent ${parent.spiffeId} is banned.`);
    const expires = parent?.x509SvidExpiresAt;
    if (parent && !parent.banned && expires && Date.parse(expires) < cutoff) {
      add(
        entry,
        "parent-agent-expired",
        `Its parent agent's SVID expired ${ago(expires, now)} ago (more than ${input.agentExpiredDays} days).`,
      );
    }
    if (entry.expiresAt && Date.parse(entry.expiresAt) <= now) {
      add(
        entry,
        "entry-expired",
        `It expired ${ago(entry.expiresAt, now)} ago (expiresAt ${entry.expiresAt}); SPIRE's registration pruner removes expired entries every 5 minutes.`,
      );
    }
  }
  for (const { entry, keeps } of findDuplicates(entries)) {
    add(
      entry,
      "duplicate-entry",
      `It duplicates entry ${keeps.id} (same SPIFFE ID, selectors and settings) under another parent (${keeps.parentId}).`,
    );
  }
  return reasons;
}

function agentFindings(input: StaleInput): Finding[] {
  const cutoff = input.now - input.agentExpiredDays * DAY_MS;
  return input.agents
    .filter((a) => !a.banned && a.x509SvidExpiresAt && Date.parse(a.x509SvidExpiresAt) < cutoff)
    .map((agent) => ({
      key: `agent:${agent.spiffeId}`,
      kind: "agent-expired" as const,
      target: { type: "agent" as const, id: agent.spiffeId },
      spiffeId: agent.spiffeId,
      parentId: null,
      selectors: agent.selectors,
      reasons: [
        `Its SVID expired ${ago(agent.x509SvidExpiresAt!, input.now)} ago: prune_attested_nodes_expired_for = "${input.agentExpiredDays * 24}h" ` +
          (agent.canReattest
            ? "would remove it."
            : "would remove it only with prune_tofu_nodes, since it cannot re-attest (its entries then stay orphaned)."),
      ],
      controllerOwned: [],
    }));
}

/**
 * Finds stale data on one server: orphan entries, entries whose parent agent is banned, gone or long
 * expired, expired entries, duplicates under different parents, and agents whose SVID expired more
 * than `agentExpiredDays` ago. Entries spire-controller-manager owns are set aside (with the reason)
 * unless `includeControllerOwned`: the controller would recreate or remove them itself. Pure.
 */
export function findStale(input: StaleInput): Omit<CleanupReport, "checkedAt"> {
  const byEntry = entryReasons(input);
  const entryFindings: Finding[] = [];
  for (const entry of input.entries) {
    const reasons = byEntry.get(entry.id);
    if (!reasons) continue;
    const kind = findingKinds.find((k) => reasons.has(k))!;
    entryFindings.push({
      key: `entry:${entry.id}`,
      kind,
      target: { type: "entry", id: entry.id },
      spiffeId: entry.spiffeId,
      parentId: entry.parentId,
      selectors: entry.selectors,
      reasons: [reasons.get(kind)!, ...[...reasons].filter(([k]) => k !== kind).map(([, r]) => r)],
      controllerOwned: input.ownership(entry),
    });
  }
  const all = [...entryFindings, ...agentFindings(input)];
  const owned = (f: Finding) => f.controllerOwned.length > 0;
  const findings = input.includeControllerOwned ? all : all.filter((f) => !owned(f));
  const counts = Object.fromEntries(findingKinds.map((k) => [k, findings.filter((f) => f.kind === k).length]));
  return {
    server: input.server,
    trustDomain: input.trustDomain,
    agentExpiredDays: input.agentExpiredDays,
    findings,
    excluded: input.includeControllerOwned ? [] : all.filter(owned),
    counts: counts as Record<FindingKind, number>,
  };
}
