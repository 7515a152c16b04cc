import "server-only";

import type { ConsoleConfig } from "@/lib/config/schema";

import { trustDomainOf } from "./der";
import { authorityKeyIdOf, subjectKeyIdOf } from "./key-ids";
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

/** What the agent behind one of the console's Workload API sockets delivers for one trust domain. */
export type AgentTrustView = {
  socket: string;
  /** Subject key IDs of the trust domain's X.509 authorities in the bundle it delivers (null: none delivered). */
  authorityIds: string[] | null;
  /** The console's own SVIDs in that trust domain and the authority that signed each (its root's SKID). */
  svids: { spiffeId: string; signerId: string | null }[];
  error: string | null;
};

/**
 * For each Workload API socket the console uses: the X.509 authorities its agent hands the console
 * for `trustDomain`, and which authority signed the console's SVIDs there. Never throws.
 */
export function agentTrustViews(config: ConsoleConfig, trustDomain: string): AgentTrustView[] {
  const sockets = new Set(
    workloadApiStatuses(config)
      .map((s) => s.socket)
      .filter(Boolean),
  );
  return [...sockets].map((socket) => {
    const context = getX509Source(socket).current();
    if (!context) return { socket, authorityIds: null, svids: [], error: "the agent has sent nothing yet" };
    const bundle = context.bundles.get(trustDomain);
    return {
      socket,
      authorityIds: bundle ? bundle.map((der) => subjectKeyIdOf(der) ?? "") : null,
      svids: context.svids
        .filter((svid) => trustDomainOf(svid.spiffeId) === trustDomain)
        .map((svid) => ({ spiffeId: svid.spiffeId, signerId: authorityKeyIdOf(svid.chain.at(-1) ?? svid.chain[0]!) })),
      error: null,
    };
  });
}
