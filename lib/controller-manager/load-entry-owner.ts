import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { getEntry } from "@/lib/spire/entries";

import { type EntryOwner, readEntryOwner } from "./entry-owner";

/** Whether spire-controller-manager owns entry `id` of `server`, why, and which object renders it. */
export async function loadEntryOwnerById(server: ServerConfig, id: string): Promise<EntryOwner> {
  await authorize("entries.read", { server: server.name });
  return readEntryOwner(server, await getEntry(server, id));
}
