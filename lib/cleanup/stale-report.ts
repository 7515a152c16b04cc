import type { Agent, Entry } from "@/lib/spire/types";

import { type CleanupReport, type Finding, findingKinds } from "./cleanup-types";
import { ago, DAY_MS, type EntryReasons } from "./stale-reasons";

/** What the findings are decided from, besides the entries. */
export type StaleOptions = {
  server: string;
  trustDomain: string;
  now: number;
  /** Agents (and entries under them) count once their SVID expired this many days ago. */
  agentExpiredDays: number;
  /** Agents the audit log says were evicted through the console: when and by whom. */
  evicted?: ReadonlyMap<string, { at: string; by: string }>;
  /** Why spire-controller-manager owns an entry (empty when it does not). */
  ownership: (entry: Entry) => string[];
  includeControllerOwned?: boolean;
};

function agentFindings(options: StaleOptions, agents: readonly Agent[]): Finding[] {
  const cutoff = options.now - options.agentExpiredDays * DAY_MS;
  return agents
    .filter((a) => !a.banned && a.x509SvidExpiresAt && Date.parse(a.x509SvidExpiresAt) < cutoff)
    .map((agent) => ({
      key: `agent:${agent.spiffeId}`,
      kind: "agent-expired" as const,
      target: { type: "agent" as const, id: agent.spiffeId },
      spiffeId: agent.spiffeId,
      parentId: null,
      selectors: agent.selectors,
      reasons: [
        `Its SVID expired ${ago(agent.x509SvidExpiresAt!, options.now)} ago: prune_attested_nodes_expired_for = "${options.agentExpiredDays * 24}h" ` +
          (agent.canReattest
            ? "would remove it."
            : "would remove it only with prune_tofu_nodes, since it cannot re-attest (its entries then stay orphaned)."),
      ],
      controllerOwned: [],
    }));
}

/** The finding of a stale entry: its first kind (in `findingKinds` order) leads, every reason listed. */
export function entryFinding(entry: Entry, reasons: EntryReasons, ownership: (entry: Entry) => string[]): Finding {
  const kind = findingKinds.find((k) => reasons.has(k))!;
  return {
    key: `entry:${entry.id}`,
    kind,
    target: { type: "entry", id: entry.id },
    spiffeId: entry.spiffeId,
    parentId: entry.parentId,
    selectors: entry.selectors,
    reasons: [reasons.get(kind)!, ...[...reasons].filter(([k]) => k !== kind).map(([, r]) => r)],
    controllerOwned: ownership(entry),
  };
}

/** The report of the entries' findings (in entry order) and the agents' ones, controller-owned ones set aside. */
export function staleReport(
  options: StaleOptions,
  entryFindings: Finding[],
  agents: readonly Agent[],
): Omit<CleanupReport, "checkedAt"> {
  const all = [...entryFindings, ...agentFindings(options, agents)];
  const owned = (f: Finding) => f.controllerOwned.length > 0;
  const findings = options.includeControllerOwned ? all : all.filter((f) => !owned(f));
  const counts = Object.fromEntries(findingKinds.map((k) => [k, findings.filter((f) => f.kind === k).length]));
  return {
    server: options.server,
    trustDomain: options.trustDomain,
    agentExpiredDays: options.agentExpiredDays,
    findings,
    excluded: options.includeControllerOwned ? [] : all.filter(owned),
    counts: counts as CleanupReport["counts"],
  };
}
