import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import { nextOffsetToken, readOffsetToken } from "@/lib/listing/offset-token";
import type { AgentListQuery } from "@/lib/schemas/list-queries";
import { listAgents } from "@/lib/spire/agents";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Agent } from "@/lib/spire/types";

import { matchesAgentFilters } from "./match-agent-filters";

/**
 * One page of attested agents filtered like `spire-server agent list`, straight from SPIRE. With
 * `spiffeIdContains` (part of an ID) the page comes from the console's index, sorted by ID.
 */
export async function listAgentPage(
  server: ServerConfig,
  query: AgentListQuery,
): Promise<{ agents: Agent[]; nextPageToken: string }> {
  await authorize("agents.read", { server: server.name });
  const { pageSize, pageToken, selector, ...rest } = query;
  const filters = { ...rest, selectors: selector };
  if (filters.spiffeIdContains) {
    const index = await readEntryIndex(server, await serverTrustDomain(server));
    const matching = index.agents.filter((a) => matchesAgentFilters(a, filters));
    const offset = readOffsetToken(pageToken);
    const agents = matching.slice(offset, offset + pageSize);
    return { agents, nextPageToken: nextOffsetToken(offset, agents.length, matching.length) };
  }
  const page = await listAgents(server, filters, { pageSize, pageToken });
  // SPIRE hands out a token even with the last page; a page that is not full is the last one.
  return { agents: page.items, nextPageToken: page.items.length < pageSize ? "" : page.nextPageToken };
}
