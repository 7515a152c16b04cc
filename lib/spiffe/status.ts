import "server-only";

import type { ConsoleConfig } from "@/lib/config/schema";

import { resolveWorkloadApiAddress } from "./socket";
import { getX509Source, type WorkloadApiStatus } from "./x509-source";

export type { WorkloadApiStatus } from "./x509-source";

/**
 * The state of every Workload API source the config uses (one per socket): the console's
 * SVID ID and expiry, the last update, the trust domains it holds bundles for, and the error
 * while the agent is unreachable. Empty when no server uses the Workload API. Never throws.
 */
export function workloadApiStatuses(config: ConsoleConfig): WorkloadApiStatus[] {
  const wanted = new Map<string, string | undefined>();
  for (const server of config.servers) {
    if (server.tls?.source !== "workloadApi") continue;
    const socket = resolveWorkloadApiAddress(server.tls.socket) ?? "";
    if (!wanted.has(socket)) wanted.set(socket, server.tls.spiffeId);
  }
  return [...wanted].map(([socket, spiffeId]) => {
    if (!socket) return unconfigured();
    try {
      return getX509Source(socket).status(spiffeId);
    } catch (error) {
      return { ...unconfigured(), socket, error: (error as Error).message };
    }
  });
}

function unconfigured(): WorkloadApiStatus {
  return {
    socket: "",
    state: "down",
    spiffeId: null,
    expiresAt: null,
    expired: false,
    lastUpdate: null,
    updates: 0,
    svids: [],
    trustDomains: [],
    error: "no Workload API socket configured: set tls.socket, workloadApi.socket or SPIFFE_ENDPOINT_SOCKET",
  };
}
