import "server-only";

import { userMessage } from "@/lib/api/user-message";
import type { ServerConfig } from "@/lib/config/schema";
import type { AuthorityRef } from "@/lib/kubernetes/compare-bundle";
import type { SpireAgentRef } from "@/lib/kubernetes/node-matrix";
import { configuredServers, getServerConfig } from "@/lib/servers/resolve-server";
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

/**
 * The SPIRE side of the Kubernetes view, from the server the cluster's agents attest to
 * (`kubernetes.spireServer`, else the first configured server): its k8s_psat agents and its
 * current X.509 authorities. Failures are reported, never thrown.
 */
export async function readSpireSide(spireServer: string | undefined): Promise<SpireSide> {
  let server: ServerConfig;
  try {
    server = spireServer ? getServerConfig(spireServer) : configuredServers()[0]!;
  } catch (error) {
    const message = userMessage(error, "finding the cluster's SPIRE server");
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
    agentsError: agents.status === "rejected" ? userMessage(agents.reason, "listing k8s_psat agents") : null,
    authorities:
      bundle.status === "fulfilled"
        ? bundle.value.x509Authorities.map((a) => ({ fingerprint: a.fingerprint, notAfter: a.notAfter }))
        : null,
    bundleError: bundle.status === "rejected" ? userMessage(bundle.reason, "reading the trust bundle") : null,
  };
}
