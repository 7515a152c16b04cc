import "server-only";

import { ApiError } from "@/lib/api/api-error";
import type { ServerConfig } from "@/lib/config/schema";
import { listAllAgents } from "@/lib/spire/agents";
import { countEntries, streamEntryPages } from "@/lib/spire/entries";

import { CompactEntryIndex } from "./compact/compact-index";

/** How far a running walk has got: entries indexed so far, and how many SPIRE said there are. */
export type WalkProgress = { indexed: number; expected: number | null; startedAt: number };

/**
 * Walks every entry and agent of a server into a new compact index, page by page as the pages
 * arrive (no array of all entries is ever held), updating `progress` after each page. Fails with
 * `deadline_exceeded` when the walk is still running at `deadline` (epoch ms).
 */
export async function walkEntryIndex(
  server: ServerConfig,
  trustDomain: string,
  progress: WalkProgress,
  deadline: number,
): Promise<CompactEntryIndex> {
  const [expected, agents] = await Promise.all([countEntries(server).catch(() => null), listAllAgents(server)]);
  progress.expected = expected;
  const index = new CompactEntryIndex(trustDomain, Date.now(), Math.ceil((expected ?? 1000) * 1.02) + 64);
  for await (const page of streamEntryPages(server)) {
    index.addEntries(page);
    progress.indexed += page.length;
    if (Date.now() > deadline) {
      throw new ApiError(
        "deadline_exceeded",
        `Indexing the entries of ${server.name} did not finish in time (${progress.indexed} read).`,
      );
    }
  }
  const now = Date.now();
  index.setAgents(agents, now);
  index.seal();
  index.derived();
  index.builtAt = Date.now();
  return index;
}
