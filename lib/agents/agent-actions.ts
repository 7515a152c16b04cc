import "server-only";

import { audited } from "@/lib/audit/write-audit";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { invalidateEntryIndex } from "@/lib/entries/invalidate-index";
import { banAgent as banAgentCall, deleteAgent, getAgent } from "@/lib/spire/agents";

/** Runs an agent change audited with the agent as it was, then reads the server's agents into its index again. */
async function changeAgent(server: ServerConfig, spiffeId: string, action: string, run: () => Promise<void>) {
  const before = await getAgent(server, spiffeId);
  const change = { action, server, target: { type: "agent", id: spiffeId, spiffeId }, before };
  try {
    await audited(change, run);
  } finally {
    await invalidateEntryIndex(server.name);
  }
}

/** Bans an agent (audited) and refreshes the agents of the server's index (the tree shows banned agents). */
export async function banAgent(server: ServerConfig, spiffeId: string): Promise<void> {
  await authorize("agents.ban", { server: server.name });
  await changeAgent(server, spiffeId, "agent.ban", () => banAgentCall(server, spiffeId));
}

/** Evicts an agent (audited; it must attest again) and refreshes the agents of the server's index. */
export async function evictAgent(server: ServerConfig, spiffeId: string): Promise<void> {
  await authorize("agents.evict", { server: server.name });
  await changeAgent(server, spiffeId, "agent.evict", () => deleteAgent(server, spiffeId));
}
