import "server-only";

import { ApiError } from "@/lib/api/api-error";
import type { ServerConfig } from "@/lib/config/schema";

import { checkHealth, getServerInfo } from "./health";
import type { ServerSummary } from "./types";

function asApiError(reason: unknown): { code: string; message: string } {
  return reason instanceof ApiError
    ? { code: reason.code, message: reason.message }
    : { code: "internal", message: "Unexpected error while checking the server." };
}

/**
 * Health, uptime, counts and SVID expiry of one server. Never throws: an unreachable server
 * is reported with `healthy: false` and the error, so it stays in the list.
 */
export async function summarizeServer(server: ServerConfig): Promise<ServerSummary> {
  const [health, info] = await Promise.allSettled([checkHealth(server), getServerInfo(server)]);
  const serverSvid = info.status === "fulfilled" ? info.value.svidChain[0] : undefined;
  const trustDomain = serverSvid?.spiffeId ? new URL(serverSvid.spiffeId).host : null;
  const healthy = health.status === "fulfilled" && health.value;
  let error: ServerSummary["error"] = null;
  if (health.status === "rejected") error = asApiError(health.reason);
  else if (!health.value) error = { code: "unavailable", message: `SPIRE server '${server.name}' reports NOT_SERVING.` };
  else if (info.status === "rejected") error = asApiError(info.reason);
  else if (server.trustDomain && trustDomain && trustDomain !== server.trustDomain) {
    error = {
      code: "failed_precondition",
      message: `Server '${server.name}' is in trust domain ${trustDomain}, but the config expects ${server.trustDomain}.`,
    };
  }
  const value = info.status === "fulfilled" ? info.value : null;
  return {
    name: server.name,
    address: server.address,
    trustDomain,
    expectedTrustDomain: server.trustDomain ?? null,
    healthy: healthy && error === null,
    uptimeSeconds: value?.uptimeSeconds ?? null,
    counts: value
      ? { entries: value.entriesCount, agents: value.agentsCount, federatedBundles: value.federatedBundlesCount }
      : null,
    serverSvidExpiresAt: serverSvid?.expiresAt ?? null,
    error,
  };
}
