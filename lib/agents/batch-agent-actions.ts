import "server-only";

import { ulid } from "@/lib/audit/ulid";
import { auditError, recordIntents, recordResults } from "@/lib/audit/write-audit";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import { invalidateEntryIndex } from "@/lib/entries/invalidate-index";
import { banAgent, deleteAgent, listAllAgents } from "@/lib/spire/agents";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Agent } from "@/lib/spire/types";

export type AgentBatchAction = "ban" | "evict";

/** One agent of a bulk action: what happens to it (or happened), and what it affects. */
export type AgentBatchRow = {
  id: string;
  plan: "send" | "skip";
  /** Why it is skipped, or what the action does to it. */
  note: string;
  /** Entries parented directly to it, and node aliases that cover it. */
  entries: number;
  aliases: number;
  outcome?: "ok" | "error" | "skipped";
  error?: { code: string; message: string } | null;
};

export type AgentBatchAnswer = {
  action: AgentBatchAction;
  dryRun: boolean;
  /** The SPIRE calls, exactly as sent (one per agent: SPIRE has no batch for agents). */
  calls: { rpc: "BanAgent" | "DeleteAgent"; id: string }[];
  rows: AgentBatchRow[];
  batchId: string | null;
};

function note(action: AgentBatchAction, agent: Agent): string {
  if (action === "ban") return "SPIRE stops renewing its SVID and refuses re-attestation until it is evicted.";
  return agent.canReattest
    ? "SPIRE deletes its record; it attests again on its own."
    : `SPIRE deletes its record; it cannot re-attest (${agent.attestationType}): it needs a new join token or equivalent.`;
}

/** Rows against fresh data: missing agents are sent (SPIRE reports them), already banned ones skipped for ban. */
function planRows(
  action: AgentBatchAction,
  ids: string[],
  agents: Map<string, Agent>,
  counts: (id: string) => [number, number],
) {
  return ids.map((id): AgentBatchRow => {
    const agent = agents.get(id);
    const [entries, aliases] = counts(id);
    if (!agent) return { id, plan: "send", note: "Not attested any more; sent so SPIRE reports it.", entries, aliases };
    if (action === "ban" && agent.banned) return { id, plan: "skip", note: "Already banned.", entries, aliases };
    return { id, plan: "send", note: note(action, agent), entries, aliases };
  });
}

/**
 * Bans or evicts agents in one batch: the dry run says exactly what would be sent and what each
 * agent affects; the apply writes an audit intent per agent (one batch ID), calls SPIRE once per
 * agent, and answers a result per row (a failure does not stop the others).
 */
export async function runAgentBatch(
  server: ServerConfig,
  action: AgentBatchAction,
  ids: string[],
  dryRun: boolean,
): Promise<AgentBatchAnswer> {
  await authorize(action === "ban" ? "agents.ban" : "agents.evict", { server: server.name });
  // The agents fresh from SPIRE (what is sent depends on them); entry counts from the cached index.
  const [agents, index] = await Promise.all([
    listAllAgents(server),
    serverTrustDomain(server).then((td) => readEntryIndex(server, td)),
  ]);
  const agentById = new Map(agents.map((a) => [a.spiffeId, a]));
  const { coverage } = index.aliases();
  const counts = (id: string): [number, number] => [index.childCount(id), coverage.aliasesByAgent.get(id)?.length ?? 0];
  const rows = planRows(action, ids, agentById, counts);
  const sent = rows.filter((r) => r.plan === "send");
  const rpc = action === "ban" ? ("BanAgent" as const) : ("DeleteAgent" as const);
  const calls = sent.map((r) => ({ rpc, id: r.id }));
  if (dryRun) return { action, dryRun, calls, rows, batchId: null };
  const batchId = ulid();
  const intents = await recordIntents(
    sent.map((row) => ({
      action: `agent.${action}`,
      server,
      target: { type: "agent", id: row.id, spiffeId: row.id },
      before: agentById.get(row.id) ?? null,
    })),
    batchId,
  );
  const errors = new Map<string, { code: string; message: string }>();
  for (const row of sent) {
    try {
      await (action === "ban" ? banAgent(server, row.id) : deleteAgent(server, row.id));
    } catch (error) {
      errors.set(row.id, auditError(error));
    }
  }
  await invalidateEntryIndex(server.name);
  await recordResults(
    intents,
    sent.map((row) => (errors.has(row.id) ? { outcome: "error", error: errors.get(row.id) } : { outcome: "ok" })),
  );
  return {
    action,
    dryRun,
    calls,
    batchId,
    rows: rows.map((row) => ({
      ...row,
      outcome: row.plan === "skip" ? "skipped" : errors.has(row.id) ? "error" : "ok",
      error: errors.get(row.id) ?? null,
    })),
  };
}
