import "server-only";

import { replicaId } from "@/lib/audit/replica";
import { getStore } from "@/lib/auth/console-store";

import { dropCachedIndex } from "./entry-index-cache";

/** The channel on which replicas tell each other that a server's entries or agents changed. */
const CHANNEL = "spire_console_index";

/** Tells every other replica that `server`'s entries or agents changed (best effort). */
export function announceEntryChange(server: string): void {
  void getStore()
    .then((store) => store.notifications.publish(CHANNEL, JSON.stringify({ server, from: replicaId })))
    .catch((error: unknown) => console.warn(`[index] could not tell other replicas about ${server}`, error));
}

/** Drops this replica's cached index of a server whenever another replica announces a change there. */
export async function listenForEntryChanges(): Promise<void> {
  const globalForListener = globalThis as typeof globalThis & { __spireIndexListener?: boolean };
  if (globalForListener.__spireIndexListener) return;
  globalForListener.__spireIndexListener = true;
  const store = await getStore();
  store.notifications.subscribe(CHANNEL, (payload) => {
    try {
      const { server, from } = JSON.parse(payload) as { server?: unknown; from?: unknown };
      if (typeof server === "string" && from !== replicaId) dropCachedIndex(server);
    } catch {
      console.warn("[index] ignored a malformed change announcement");
    }
  });
}
