import "server-only";

import { getStore } from "@/lib/auth/console-store";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import type { AuditRecord } from "@/lib/store/types";

/** How many changes of one entry the History tab shows. */
const LIMIT = 200;

/**
 * Every change made to one entry through the console, newest first (its creation included): the
 * results, each with the whole entry before and after, who did it and how it ended.
 */
export async function getEntryHistory(server: ServerConfig, id: string): Promise<{ changes: AuditRecord[] }> {
  await authorize("entries.read", { server: server.name });
  const store = await getStore();
  const changes = await store.audit.list(
    { server: server.name, targetType: "entry", targetId: id, phases: ["result"] },
    { limit: LIMIT },
  );
  return { changes };
}
