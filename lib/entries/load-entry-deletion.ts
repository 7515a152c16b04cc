import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { getEntryHistory } from "./load-entry-history";

/** Who deleted an entry through the console, and when (ISO). */
export type EntryDeletion = { by: string; at: string };

/**
 * The console's record of deleting entry `id` (its newest successful `entry.delete` in the audit log), or null
 * when the console never deleted it (removed with the CLI, or never existed). Read access as for its History.
 */
export async function getEntryDeletion(server: ServerConfig, id: string): Promise<EntryDeletion | null> {
  const { changes } = await getEntryHistory(server, id);
  const deleted = changes.find((c) => c.action === "entry.delete" && c.outcome === "ok");
  return deleted ? { by: deleted.actor?.name ?? "someone", at: new Date(deleted.at).toISOString() } : null;
}
