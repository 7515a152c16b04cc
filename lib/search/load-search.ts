import "server-only";

import { searchAgentIndex } from "@/lib/agents/load-agent-search";
import { ApiError } from "@/lib/api/api-error";
import { userMessage } from "@/lib/api/user-message";
import { allows, authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { searchEntryIndex } from "@/lib/entries/load-entry-search";
import { configuredServers } from "@/lib/servers/resolve-server";
import { listFederationRelationships } from "@/lib/spire/federation";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import { listPodChoices, type PodChoice } from "@/lib/troubleshoot/list-pod-choices";

import { agentItem, entryItem, matchPods, matchTrustDomains, type SearchGroup } from "./search-items";

/** What the command palette shows for a text: groups of results and the sources that could not be read. */
export type SearchAnswer = { q: string; groups: SearchGroup[]; problems: string[] };

const POD_CACHE_MS = 15_000;
const podCache = globalThis as typeof globalThis & { __spirePodChoices?: { at: number; pods: PodChoice[] } };

async function podChoices(): Promise<PodChoice[]> {
  const cached = podCache.__spirePodChoices;
  if (cached && Date.now() - cached.at < POD_CACHE_MS) return cached.pods;
  const pods = await listPodChoices();
  podCache.__spirePodChoices = { at: Date.now(), pods };
  return pods;
}

async function serverGroups(server: ServerConfig, q: string, limit: number): Promise<SearchGroup[]> {
  const query = { q, offset: 0, limit };
  const groups: SearchGroup[] = [];
  if (await allows("entries.read", { server: server.name })) {
    const found = await searchEntryIndex(server, query);
    groups.push({
      kind: "entry",
      server: server.name,
      title: `Entries on ${server.name}`,
      total: found.total,
      items: found.hits.map((hit) => entryItem(server.name, hit)),
    });
  }
  if (await allows("agents.read", { server: server.name })) {
    const found = await searchAgentIndex(server, query);
    groups.push({
      kind: "agent",
      server: server.name,
      title: `Agents on ${server.name}`,
      total: found.total,
      items: found.hits.map((hit) => agentItem(server.name, hit)),
    });
  }
  return groups;
}

async function trustDomains(servers: ServerConfig[]) {
  const readable = [];
  for (const s of servers) if (await allows("federation.read", { server: s.name })) readable.push(s);
  const lists = await Promise.all(
    readable.map(async (s) => {
      const [own, relationships] = await Promise.all([serverTrustDomain(s), listFederationRelationships(s)]);
      return [
        { trustDomain: own, server: s.name, own: true },
        ...relationships.map((r) => ({ trustDomain: r.trustDomain, server: s.name, own: false })),
      ];
    }),
  );
  return lists.flat();
}

/**
 * Searches everything the caller may read, across every configured server: entries and agents
 * (each server's search API), pods of the cluster, and trust domains. A source that fails is
 * named in `problems` and the others are still answered; a source the caller may not read, or a
 * cluster that is not configured, is left out silently.
 */
export async function searchEverything(q: string, limit = 5): Promise<SearchAnswer> {
  await authorize("servers.read");
  const servers = configuredServers();
  const problems: string[] = [];
  const settle = async <T>(what: string, read: () => Promise<T>, empty: T): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "not_configured")) problems.push(userMessage(error, what));
      return empty;
    }
  };
  const [perServer, pods, domains] = await Promise.all([
    Promise.all(servers.map((s) => settle(`searching ${s.name}`, () => serverGroups(s, q, limit), []))),
    (await allows("troubleshoot.read")) ? settle("listing pods", podChoices, []) : Promise.resolve([]),
    settle("listing trust domains", () => trustDomains(servers), []),
  ]);
  const groups = [...perServer.flat(), matchPods(pods, q, limit), matchTrustDomains(domains, q, limit)];
  return { q, groups: groups.filter((g) => g.total > 0), problems };
}
