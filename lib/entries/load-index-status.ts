import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

import { awaitIndexWalks, readEntryIndex, requestIndexWalk } from "./entry-index-cache";
import { type EntryIndexStatus, entryIndexStatus } from "./entry-index-status";

/** The longest a refresh request waits for its walk before answering with the progress so far. */
const MAX_WAIT_MS = 60_000;

/** How the entry index of `server` stands: ready (with its age and size), being built (with progress), or failed. */
export async function getEntryIndexStatus(server: ServerConfig): Promise<EntryIndexStatus> {
  await authorize("entries.read", { server: server.name });
  return entryIndexStatus(server.name);
}

/**
 * Walks the entries of `server` again (changes made elsewhere, e.g. with the CLI, then show up)
 * while the current index keeps serving; a walk already running is followed by one more. With
 * `wait`, answers when the walk is done (at most 60 s), else at once.
 */
export async function refreshEntryIndex(server: ServerConfig, wait: boolean): Promise<EntryIndexStatus> {
  await authorize("entries.read", { server: server.name });
  const trustDomain = await serverTrustDomain(server);
  if (entryIndexStatus(server.name).state === "absent") {
    // Never indexed here yet: the first walk is the refresh (it starts here; its progress is the answer).
    await readEntryIndex(server, trustDomain).catch(() => undefined);
  } else requestIndexWalk(server.name);
  const walk = awaitIndexWalks(server.name);
  if (wait) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, MAX_WAIT_MS)));
    try {
      await Promise.race([walk, timeout]);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError("unavailable", `Walking the entries of ${server.name} failed: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }
  return entryIndexStatus(server.name);
}
