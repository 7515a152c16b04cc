import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { ulid } from "@/lib/audit/ulid";
import { auditError, recordIntents, recordResults } from "@/lib/audit/write-audit";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { authorizeEntryWrite } from "@/lib/entries/entry-write-check";
import { invalidateEntryIndex } from "@/lib/entries/invalidate-index";
import { sendEntryDeletes } from "@/lib/entries/send-entry-changes";
import { deleteAgent } from "@/lib/spire/agents";
import type { Agent, Entry } from "@/lib/spire/types";

import type { CleanupCall, CleanupResult, CleanupRow, DryRun } from "./cleanup-types";
import { type CleanupOptions, readCleanupState } from "./load-cleanup";
import { orphanedChildren, planCleanup } from "./plan-cleanup";
import { readAffectedPods } from "./read-affected-pods";

export type CleanupSelection = CleanupOptions & { keys: string[] };

type Planned = {
  rows: CleanupRow[];
  calls: CleanupCall[];
  trustDomain: string;
  entries: Entry[];
  agents: Agent[];
  entryById: Map<string, Entry>;
  agentById: Map<string, Agent>;
};

/**
 * Plans a selection against fresh data, after checking the caller may clean up on this server
 * and may delete every entry and evict every agent it would send (all or nothing).
 */
async function plan(server: ServerConfig, selection: CleanupSelection): Promise<Planned> {
  await authorize("cleanup.apply", { server: server.name });
  const state = await readCleanupState(server, selection, true);
  const entryById = new Map(state.entries.map((e) => [e.id, e]));
  const agentById = new Map(state.agents.map((a) => [a.spiffeId, a]));
  const { rows, calls } = planCleanup(selection.keys, state.report.findings, entryById, agentById);
  const sent = rows.filter((r) => r.plan === "send");
  const entries = sent.flatMap((r) => (r.target.type === "entry" ? (entryById.get(r.target.id) ?? []) : []));
  if (entries.length) await authorizeEntryWrite(server, { kind: "delete", entries });
  if (sent.some((r) => r.target.type === "agent")) await authorize("agents.evict", { server: server.name });
  return {
    rows,
    calls,
    trustDomain: state.report.trustDomain,
    entries: state.entries,
    agents: state.agents,
    entryById,
    agentById,
  };
}

/** What applying the selection would send and affect; changes nothing. */
export async function dryRunCleanup(server: ServerConfig, selection: CleanupSelection): Promise<DryRun> {
  const planned = await plan(server, selection);
  const sent = planned.rows.filter((r) => r.plan === "send");
  const removedEntries = sent.flatMap((r) =>
    r.target.type === "entry" ? (planned.entryById.get(r.target.id) ?? []) : [],
  );
  const pods = await readAffectedPods(server, planned.trustDomain, removedEntries, planned);
  return {
    rows: planned.rows,
    calls: planned.calls,
    blastRadius: {
      orphanedChildren: orphanedChildren(
        sent.map((r) => r.target),
        planned.entries,
      ),
      ...pods,
    },
  };
}

/**
 * Applies the selection as one batch: an audit intent per item sent (one batch ID), one
 * BatchDeleteEntry for the entries and a DeleteAgent per agent, then a result per row. A row that
 * fails (e.g. deleted meanwhile) is reported; the others are still applied.
 */
export async function applyCleanup(server: ServerConfig, selection: CleanupSelection): Promise<CleanupResult> {
  const planned = await plan(server, selection);
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
