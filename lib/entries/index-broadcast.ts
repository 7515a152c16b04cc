import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { replicaId } from "@/lib/audit/replica";
import { getStore } from "@/lib/auth/console-store";
import { getServerConfig } from "@/lib/servers/resolve-server";
import { getEntry } from "@/lib/spire/entries";
import type { Entry } from "@/lib/spire/types";

import { applyEntryChange, refreshIndexAgents, requestIndexWalk } from "./entry-index-cache";

/** The channel on which replicas tell each other that a server's entries or agents changed. */
const CHANNEL = "spire_console_index";
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; a bigger change asks for a walk instead. */
const MAX_PAYLOAD = 7_000;

/** What changed: entry IDs created or edited, IDs deleted, or "walk again" / "read the agents again". */
export type IndexChangeNote = { upserts?: string[]; deletes?: string[]; walk?: boolean; agents?: boolean };

/** Tells every other replica what changed on `server` (best effort). */
export function announceIndexChange(server: string, note: IndexChangeNote): void {
  let payload = JSON.stringify({ server, from: replicaId, ...note });
  if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ server, from: replicaId, walk: true });
  void getStore()
    .then((store) => store.notifications.publish(CHANNEL, payload))
    .catch((error: unknown) => console.warn(`[index] could not tell other replicas about ${server}`, error));
}

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === "string");

/** Reads the changed entries from SPIRE (8 at a time); an entry gone meanwhile counts as deleted. */
async function readChanged(server: string, ids: string[]): Promise<{ upserts: Entry[]; deletes: string[] }> {
  const config = getServerConfig(server);
  const upserts: Entry[] = [];
  const deletes: string[] = [];
  const readOne = async (id: string) => {
    try {
      upserts.push(await getEntry(config, id));
    } catch (error) {
      if (error instanceof ApiError && error.code === "not_found") deletes.push(id);
      else throw error;
    }
  };
  for (let i = 0; i < ids.length; i += 8) await Promise.all(ids.slice(i, i + 8).map(readOne));
  return { upserts, deletes };
}

async function applyNote(server: string, note: IndexChangeNote): Promise<void> {
  if (note.walk) requestIndexWalk(server);
  if (note.agents) await refreshIndexAgents(server);
  const upserts = isIdList(note.upserts) ? note.upserts : [];
  const deletes = isIdList(note.deletes) ? note.deletes : [];
  if (upserts.length === 0 && deletes.length === 0) return;
  const read = await readChanged(server, upserts);
  applyEntryChange(server, { upserts: read.upserts, deletes: [...deletes, ...read.deletes] });
}

/** Applies other replicas' announced changes to this replica's indexes (reading changed entries by ID). */
export async function listenForEntryChanges(): Promise<void> {
  const globalForListener = globalThis as typeof globalThis & { __spireIndexListener?: boolean };
  if (globalForListener.__spireIndexListener) return;
  globalForListener.__spireIndexListener = true;
  const store = await getStore();
  store.notifications.subscribe(CHANNEL, (payload) => {
    let message: IndexChangeNote & { server?: unknown; from?: unknown };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      console.warn("[index] ignored a malformed change announcement");
      return;
    }
    const server = message.server;
    if (typeof server !== "string" || message.from === replicaId) return;
    void applyNote(server, message).catch((error: unknown) => {
      console.warn(`[index] could not apply a change announced for ${server}; walking it again`, error);
      requestIndexWalk(server);
    });
  });
}
