import "server-only";

import { userError } from "@/lib/api/user-message";
import type { ServerConfig } from "@/lib/config/schema";
import { indexedEntryCount } from "@/lib/entries/entry-index-cache";
import { countAgents } from "@/lib/spire/agents";
import { listFederatedBundles } from "@/lib/spire/bundles";
import { countEntries } from "@/lib/spire/entries";
import { checkHealth } from "@/lib/spire/health";
import type { ServerSummary } from "@/lib/spire/types";

import { forgetServerInfo, readServerInfo } from "./read-server-info";

/** Explains what is wrong with a server, or returns null when nothing is. */
function findProblem(
  server: ServerConfig,
  health: PromiseSettledResult<boolean>,
  others: PromiseSettledResult<unknown>[],
  trustDomain: string | null,
): ServerSummary["error"] {
  if (health.status === "rejected") return userError(health.reason, `checking ${server.name}`);
  if (!health.value) return { code: "unavailable", message: `SPIRE server '${server.name}' reports NOT_SERVING.` };
  const failed = others.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) return userError(failed.reason, `reading ${server.name}`);
  const { name, trustDomain: expected } = server;
  if (expected && trustDomain && trustDomain !== expected) {
    return {
      code: "failed_precondition",
      message: `Server '${name}' is in trust domain ${trustDomain}, but the config expects ${expected}.`,
    };
  }
  return null;
}

const valueOf = <T>(result: PromiseSettledResult<T>): T | null => (result.status === "fulfilled" ? result.value : null);

/**
 * Health, uptime, counts and SVID expiry of one server. Never throws: an unreachable server
 * is reported with `healthy: false` and the error, so it stays in the list.
 */
export async function summarizeServer(server: ServerConfig): Promise<ServerSummary> {
  // Counts come from the Count/List APIs: Debug.GetInfo caches them for a while and counts the
  // server's own bundle among the "federated" ones (and it is read at most every 30 s: see
  // read-server-info). The entry count is the index's when this replica has one (what the tree
  // shows): SPIRE's CountEntries reads every entry, seconds at 100,000.
  const indexed = indexedEntryCount(server);
  const [health, info, entries, agents, bundles] = await Promise.allSettled([
    checkHealth(server),
    readServerInfo(server),
    indexed ?? countEntries(server),
    countAgents(server),
    listFederatedBundles(server),
  ]);
  // A server that fails its health check may be restarting: its kept Debug answer is not shown.
  const healthy = valueOf(health) === true;
  if (!healthy) forgetServerInfo(server.name);
  const infoNow = healthy ? valueOf(info) : null;
  const serverSvid = infoNow?.svidChain[0];
  const trustDomain = serverSvid?.spiffeId ? new URL(serverSvid.spiffeId).host : null;
  const error = findProblem(server, health, [info, entries, agents, bundles], trustDomain);
  const [entryCount, agentCount, bundleList] = [valueOf(entries), valueOf(agents), valueOf(bundles)];
  return {
    name: server.name,
    address: server.address,
    trustDomain,
    expectedTrustDomain: server.trustDomain ?? null,
    healthy: error === null,
    uptimeSeconds: infoNow?.uptimeSeconds ?? null,
    counts:
      entryCount !== null && agentCount !== null && bundleList !== null
        ? { entries: entryCount, agents: agentCount, federatedBundles: bundleList.length }
        : null,
    entriesCountedBy: entryCount === null ? null : indexed !== null ? "index" : "spire",
    serverSvidExpiresAt: serverSvid?.expiresAt ?? null,
    error,
  };
}
