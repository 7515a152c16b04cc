import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary } from "./call";
import { invalidateEntryIndex } from "@/lib/entries/entry-index-cache";
import { toPbSpiffeId } from "./mappers";

/** Bans an agent: SPIRE stops renewing its SVID and refuses re-attestation until it is evicted. */
export async function banAgent(server: ServerConfig, spiffeId: string): Promise<void> {
  await callUnary(server, "agent", "banAgent", { id: toPbSpiffeId(spiffeId) });
  invalidateEntryIndex(server.name);
}

/** Evicts (deletes) an agent; it must attest again to get an SVID. */
export async function deleteAgent(server: ServerConfig, spiffeId: string): Promise<void> {
  await callUnary(server, "agent", "deleteAgent", { id: toPbSpiffeId(spiffeId) });
  invalidateEntryIndex(server.name);
}
