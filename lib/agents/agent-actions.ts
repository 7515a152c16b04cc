import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { invalidateEntryIndex } from "@/lib/entries/entry-index-cache";
import { banAgent as banAgentCall, deleteAgent } from "@/lib/spire/agents";

/** Bans an agent and drops the server's cached index (the tree shows banned agents). */
export async function banAgent(server: ServerConfig, spiffeId: string): Promise<void> {
  await authorize("agents.ban", { server: server.name });
  try {
    await banAgentCall(server, spiffeId);
  } finally {
    invalidateEntryIndex(server.name);
  }
}

/** Evicts an agent (it must attest again) and drops the server's cached index. */
export async function evictAgent(server: ServerConfig, spiffeId: string): Promise<void> {
  await authorize("agents.evict", { server: server.name });
  try {
    await deleteAgent(server, spiffeId);
  } finally {
    invalidateEntryIndex(server.name);
  }
}
