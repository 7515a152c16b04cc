import "server-only";

import { authorize, readableServers } from "@/lib/auth/guard";
import { loadConfig } from "@/lib/config/load-config";

import type { EntrySetStatus } from "./drift-state";
import { getEntrySetStatus } from "./entry-set-status";

/**
 * The watched entry sets of the servers the principal may read, each with its state, last run,
 * counts and what differs (`GET /api/entry-sets`, the Entries as code page and the CLI's `drift`).
 */
export async function listEntrySets(): Promise<EntrySetStatus[]> {
  await authorize("entrysets.read");
  const state = loadConfig();
  const sets = state.status === "ok" ? state.config.entrySets : [];
  const servers = await readableServers(
    [...new Set(sets.map((s) => s.server))].map((name) => ({ name })),
    "entries.read",
  );
  const readable = new Set(servers.map((s) => s.name));
  return sets.filter((set) => readable.has(set.server)).map(getEntrySetStatus);
}
