import "server-only";

import { getStore } from "@/lib/auth/console-store";
import { allows, authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import type { AuditRecord } from "@/lib/store/types";

import { type EntryChangeView, historyView } from "./history-view";

/** How many changes of one entry the History tab shows. */
const LIMIT = 200;

/**
 * Every change made to one entry through the console, newest first (its creation included): the
 * results, each with the whole entry before and after, who did it and how it ended. Whoever may
 * read the audit log (admins) gets the whole records; everyone else the actor's name and the time,
 * never groups, token IDs or client addresses.
 */
export async function getEntryHistory(
  server: ServerConfig,
  id: string,
): Promise<{ changes: AuditRecord[] | EntryChangeView[] }> {
  await authorize("entries.read", { server: server.name });
  const store = await getStore();
  const changes = await store.audit.list(
    { server: server.name, targetType: "entry", targetId: id, phases: ["result"] },
    { limit: LIMIT },
  );
  return { changes: (await allows("audit.read")) ? changes : changes.map(historyView) };
}
