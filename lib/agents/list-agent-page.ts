import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import type { AgentListQuery } from "@/lib/schemas/list-queries";
import { listAgents } from "@/lib/spire/agents";
import type { Agent } from "@/lib/spire/types";

/** One page of attested agents straight from SPIRE, filtered like `spire-server agent list`. */
export async function listAgentPage(
  server: ServerConfig,
  query: AgentListQuery,
): Promise<{ agents: Agent[]; nextPageToken: string }> {
  await authorize("agents.read", { server: server.name });
  const { pageSize, pageToken, selector, ...filters } = query;
  const page = await listAgents(server, { ...filters, selectors: selector }, { pageSize, pageToken });
  return { agents: page.items, nextPageToken: page.nextPageToken };
}
