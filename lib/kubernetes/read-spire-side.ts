import "server-only";

import { userMessage } from "@/lib/api/user-message";
import { allows } from "@/lib/auth/guard";
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
 * current X.509 authorities. Read only when the caller may read that server's agents, like every
 * other read of a SPIRE server (else the SPIRE side says so). Failures are reported, never thrown.
 */
export async function readSpireSide(spireServer: string | undefined): Promise<SpireSide> {
  let server: ServerConfig;
  try {
    server = spireServer ? getServerConfig(spireServer) : configuredServers()[0]!;
  } catch (error) {
    return unread(spireServer ?? null, userMessage(error, "finding the cluster's SPIRE server"));
  }
  if (!(await allows("agents.read", { server: server.name }))) {
    return unread(server.name, `Your role does not cover SPIRE server '${server.name}', the cluster's SPIRE server.`);
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

function unread(serverName: string | null, message: string): SpireSide {
  return { serverName, agents: null, agentsError: message, authorities: null, bundleError: message };
}
