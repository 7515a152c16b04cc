import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { ulid } from "@/lib/audit/ulid";
import { auditError, recordIntents, recordResults } from "@/lib/audit/write-audit";
import type { Action } from "@/lib/auth/actions";
import { can, type Resource } from "@/lib/auth/can";
import { authorize } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import type { ServerConfig } from "@/lib/config/schema";
import { entryWithId, nodeAliases } from "@/lib/entries/compact/read-entries";
import { authorizeEntryWrite } from "@/lib/entries/entry-write-check";
import { invalidateEntryIndex } from "@/lib/entries/invalidate-index";
import { sendEntryDeletes } from "@/lib/entries/send-entry-changes";
import { deleteAgent } from "@/lib/spire/agents";
import type { Agent, Entry } from "@/lib/spire/types";

import type { BlastRadius, CleanupCall, CleanupResult, CleanupRow, DryRun } from "./cleanup-types";
import { type CleanupOptions, readCleanupState } from "./load-cleanup";
import { orphanedChildrenInIndex } from "./orphaned-children-in-index";
import { parseKey, planCleanup } from "./plan-cleanup";
import { readAffectedPods } from "./read-affected-pods";

export type CleanupSelection = CleanupOptions & { keys: string[] };

type Planned = {
  rows: CleanupRow[];
  calls: CleanupCall[];
  trustDomain: string;
  agents: Agent[];
  /** The selected entries that exist (looked up by ID in the index). */
  entryById: Map<string, Entry>;
  agentById: ReadonlyMap<string, Agent>;
  orphanedChildren: BlastRadius["orphanedChildren"];
  /** Node aliases, for the pods the removed entries serve. */
  aliases: Entry[];
};

/**
 * The selection planned against the server's entries (`fresh`: walked again first, as the apply and an
 * operator's dry run do). It checks nothing: its callers authorize first.
 */
async function readPlan(server: ServerConfig, selection: CleanupSelection, fresh = true): Promise<Planned> {
  const { report, index } = await readCleanupState(server, selection, fresh);
  const entryById = new Map<string, Entry>();
  for (const target of selection.keys.map(parseKey)) {
    const entry = target?.type === "entry" ? entryWithId(index, target.id) : null;
    if (entry) entryById.set(entry.id, entry);
  }
  const { rows, calls } = planCleanup(selection.keys, report.findings, entryById, index.agentById);
  const sent = rows.filter((r) => r.plan === "send").map((r) => r.target);
  return {
    rows,
    calls,
    trustDomain: report.trustDomain,
    agents: index.agents,
    entryById,
    agentById: index.agentById,
    orphanedChildren: orphanedChildrenInIndex(sent, index),
    aliases: nodeAliases(index),
  };
}

/** The entries a plan would delete, and whether it would evict an agent. */
function sentTargets(planned: Planned): { entries: Entry[]; evicts: boolean } {
  const sent = planned.rows.filter((r) => r.plan === "send");
  return {
    entries: sent.flatMap((r) => (r.target.type === "entry" ? (planned.entryById.get(r.target.id) ?? []) : [])),
    evicts: sent.some((r) => r.target.type === "agent"),
  };
}

/**
 * Plans a selection against fresh data, after checking the caller may clean up on this server
 * and may delete every entry and evict every agent it would send (all or nothing).
 */
async function planApply(server: ServerConfig, selection: CleanupSelection): Promise<Planned> {
  await authorize("cleanup.apply", { server: server.name });
  const planned = await readPlan(server, selection);
  const { entries, evicts } = sentTargets(planned);
  if (entries.length) await authorizeEntryWrite(server, { kind: "delete", entries });
  if (evicts) await authorize("agents.evict", { server: server.name });
  return planned;
}

/**
 * Whether the caller may apply the plan: the checks `planApply` runs (a delete moves no SPIFFE ID, so the
 * entry write check is `entries.write` on every entry deleted), decided with `can` so that a viewer's
 * preview records no denial.
 */
function applyDecision(principal: Principal, server: string, planned: Planned): DryRun["apply"] {
  const { entries, evicts } = sentTargets(planned);
  const checks: [Action, Resource][] = [["cleanup.apply", { server }]];
  if (entries.length) checks.push(["entries.write", { server, entries }]);
  if (evicts) checks.push(["agents.evict", { server }]);
  for (const [action, resource] of checks) {
    const decision = can(principal, action, resource);
    if (!decision.allowed) return { allowed: false, reason: decision.reason };
  }
  return { allowed: true, reason: "" };
}

/**
 * What applying the selection would send and affect, and whether the caller may apply it; changes
 * nothing. A read: whoever may see the findings (entries and agents) may preview their clean-up.
 */
export async function dryRunCleanup(server: ServerConfig, selection: CleanupSelection): Promise<DryRun> {
  await authorize("cleanup.preview", { server: server.name });
  await authorize("entries.read", { server: server.name });
  const principal = await authorize("agents.read", { server: server.name });
  // Whoever may apply previews what the server holds now; a reader previews the cached index (a walk
  // per click of every reader would be theirs to start at will).
  const mayApply = can(principal, "cleanup.apply", { server: server.name }).allowed;
  const planned = await readPlan(server, selection, mayApply);
  const removedEntries = sentTargets(planned).entries;
  const pods = await readAffectedPods(server, planned.trustDomain, removedEntries, planned);
  return {
    rows: planned.rows,
    calls: planned.calls,
    blastRadius: { orphanedChildren: planned.orphanedChildren, ...pods },
    apply: applyDecision(principal, server.name, planned),
  };
}

/**
 * Applies the selection as one batch: an audit intent per item sent (one batch ID), one
 * BatchDeleteEntry for the entries and a DeleteAgent per agent, then a result per row. A row that
 * fails (e.g. deleted meanwhile) is reported; the others are still applied.
 */
export async function applyCleanup(server: ServerConfig, selection: CleanupSelection): Promise<CleanupResult> {
  const planned = await planApply(server, selection);
  const sent = planned.rows.filter((r) => r.plan === "send");
  if (sent.length === 0)
    throw new ApiError("failed_precondition", "Nothing selected is stale any more; nothing was sent.");
  const batchId = ulid();
  const intents = await recordIntents(
    sent.map((row) => {
      const before =
        row.target.type === "entry" ? planned.entryById.get(row.target.id) : planned.agentById.get(row.target.id);
      return {
        action: row.target.type === "entry" ? "entry.delete" : "agent.evict",
        server,
        target: { type: row.target.type, id: row.target.id, spiffeId: row.spiffeId },
        before: before ?? null,
      };
    }),
    batchId,
  );
  const outcome = new Map<string, { code: string; message: string } | null>();
  const entryIds = sent.filter((r) => r.target.type === "entry").map((r) => r.target.id);
  try {
    for (const result of entryIds.length ? await sendEntryDeletes(server, entryIds) : []) {
      outcome.set(`entry:${result.id}`, result.status.code === "ok" ? null : result.status);
    }
  } catch (error) {
    for (const id of entryIds) outcome.set(`entry:${id}`, auditError(error));
  }
  for (const row of sent.filter((r) => r.target.type === "agent")) {
    try {
      await deleteAgent(server, row.target.id);
      outcome.set(row.key, null);
    } catch (error) {
      outcome.set(row.key, auditError(error));
    }
  }
  await invalidateEntryIndex(server.name);
  const errorOf = (row: CleanupRow) => outcome.get(row.key) ?? null;
  await recordResults(
    intents,
    sent.map((row) => (errorOf(row) ? { outcome: "error", error: errorOf(row) } : { outcome: "ok" })),
  );
  return {
    batchId,
    rows: planned.rows.map((row) => ({
      ...row,
      outcome: row.plan === "skip" ? "skipped" : errorOf(row) ? "error" : "ok",
      error: row.plan === "skip" ? null : errorOf(row),
    })),
  };
}
