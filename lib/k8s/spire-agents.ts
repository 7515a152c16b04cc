import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { loadConfig } from "@/lib/config/load-config";
import type { ServerConfig } from "@/lib/config/schema";
import type { AuthorityRef } from "@/lib/kubernetes/compare-bundle";
import type { SpireAgentRef } from "@/lib/kubernetes/node-matrix";
import { listAgents } from "@/lib/spire/agents";
import { getBundle } from "@/lib/spire/bundles";
import { collectPages } from "@/lib/spire/call";

export type SpireSide = {
  serverName: string | null;
  agents: SpireAgentRef[] | null;
  agentsError: string | null;
  authorities: AuthorityRef[] | null;
  bundleError: string | null;
};

const reason = (error: unknown) => (error instanceof ApiError ? error.message : "unexpected error");

/**
 * The SPIRE side of the Kubernetes view, from the server the cluster's agents attest to
 * (`kubernetes.spireServer`, else the first configured server): its k8s_psat agents and its
 * current X.509 authorities. Failures are reported, never thrown.
 */
export async function readSpireSide(spireServer: string | undefined): Promise<SpireSide> {
  const state = loadConfig();
  const servers = state.status === "ok" ? state.config.servers : [];
  const server: ServerConfig | undefined = spireServer ? servers.find((s) => s.name === spireServer) : servers[0];
  if (!server) {
    const message = spireServer
      ? `No SPIRE server named '${spireServer}' is configured.`
      : "No SPIRE server is configured.";
    return {
      serverName: spireServer ?? null,
      agents: null,
      agentsError: message,
      authorities: null,
      bundleError: message,
    };
  }
  const [agents, bundle] = await Promise.allSettled([
    collectPages((pageToken) => listAgents(server, { attestationType: "k8s_psat" }, { pageSize: 500, pageToken })),
    getBundle(server),
  ]);
  return {
    serverName: server.name,
    agents: agents.status === "fulfilled" ? agents.value : null,
    agentsError: agents.status === "rejected" ? reason(agents.reason) : null,
    authorities:
      bundle.status === "fulfilled"
        ? bundle.value.x509Authorities.map((a) => ({ fingerprint: a.fingerprint, notAfter: a.notAfter }))
        : null,
    bundleError: bundle.status === "rejected" ? reason(bundle.reason) : null,
  };
}
