import type { Selector } from "@/lib/spire/types";

/** The kinds of stale data the clean-up finds. */
export const findingKinds = [
  "orphan-entry",
  "parent-agent-banned",
  "parent-agent-evicted",
  "parent-agent-expired",
  "entry-expired",
  "duplicate-entry",
  "agent-expired",
] as const;
export type FindingKind = (typeof findingKinds)[number];

/** What a finding removes: an entry (BatchDeleteEntry) or an agent (DeleteAgent). */
export type CleanupTarget = { type: "entry" | "agent"; id: string };

/** One stale entry or agent, why it is stale, and whether spire-controller-manager owns it. */
export type Finding = {
  /** `entry:<id>` or `agent:<spiffe id>`: what a selection names. */
  key: string;
  kind: FindingKind;
  target: CleanupTarget;
  spiffeId: string;
  parentId: string | null;
  selectors: Selector[];
  /** Every reason it is stale, the one of `kind` first. */
  reasons: string[];
  /** Why spire-controller-manager owns it (empty when it does not): such entries are left out by default. */
  controllerOwned: string[];
};

/** The clean-up's findings for one server. */
export type CleanupReport = {
  server: string;
  trustDomain: string;
  checkedAt: string;
  /** Agents count as stale once their SVID expired this many days ago. */
  agentExpiredDays: number;
  findings: Finding[];
  /** Controller-owned findings left out (unless asked for), with why. */
  excluded: Finding[];
  counts: Record<FindingKind, number>;
};

/** What removing the selection affects beyond itself. */
export type BlastRadius = {
  /** Entries parented to a removed entry or agent that nothing else would serve: they become orphans. */
  orphanedChildren: { id: string; spiffeId: string; parentId: string }[];
  /** Pods whose containers a removed entry matches today (Kubernetes only). */
  pods: { entryId: string; namespace: string; name: string; container: string }[] | null;
  /** Why pods are not listed (Kubernetes not configured or not readable). */
  podsReason: string | null;
};

/** One row of a clean-up selection: what will be (or was) sent for it, or why it is not. */
export type CleanupRow = {
  key: string;
  target: CleanupTarget;
  spiffeId: string | null;
  /** `send`: part of the calls; `skip`: still exists but is no longer stale. */
  plan: "send" | "skip";
  reason: string;
};

/** The SPIRE calls a clean-up makes, exactly as sent. */
export type CleanupCall = { rpc: "BatchDeleteEntry"; ids: string[] } | { rpc: "DeleteAgent"; id: string };

/** The dry run's answer: nothing was changed. */
/**
 * What a clean-up would do (`calls`, `blastRadius`), and whether the caller may apply it (`apply`: the
 * write checks the apply runs, decided without running them; the reason when not, as the access map words it).
 */
export type DryRun = {
  rows: CleanupRow[];
  calls: CleanupCall[];
  blastRadius: BlastRadius;
  apply: { allowed: boolean; reason: string };
};

/** The apply's answer: one result per row, and the batch ID of its audit records. */
export type CleanupResult = {
  batchId: string;
  rows: (CleanupRow & { outcome: "ok" | "error" | "skipped"; error: { code: string; message: string } | null })[];
};
