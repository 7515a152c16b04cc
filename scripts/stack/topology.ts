// The shape of the demo stack: two federated SPIRE servers and their agents.

export type AttestationType = "x509pop" | "join_token" | "k8s_psat";

export interface ServerSpec {
  name: string;
  trustDomain: string;
  /** SPIFFE IDs granted admin access to this server's APIs (server `admin_ids`). */
  adminIds: string[];
}

export interface AgentSpec {
  name: string;
  server: string;
  attestation: AttestationType;
  /** join_token only: alias SPIFFE ID passed to `token generate -spiffeID`. */
  joinTokenAlias?: string;
  /** k8s_psat only: the seeded Kubernetes node whose spire-agent pod the agent's token is bound to. */
  k8sNode?: string;
  /** k8s_psat only: the node's cluster (default demo). */
  k8sCluster?: string;
}

export const SERVERS: readonly ServerSpec[] = [
  { name: "foo", trustDomain: "foo.example.com", adminIds: [] },
  // The console's own SPIFFE ID (console-config.ts): it administers bar over TCP with foo's SVID.
  { name: "bar", trustDomain: "bar.example.com", adminIds: ["spiffe://foo.example.com/console"] },
];

export const AGENTS: readonly AgentSpec[] = [
  { name: "foo-agent-1", server: "foo", attestation: "x509pop" },
  { name: "foo-agent-2", server: "foo", attestation: "x509pop" },
  {
    name: "foo-agent-3",
    server: "foo",
    attestation: "join_token",
    joinTokenAlias: "spiffe://foo.example.com/node/edge-3",
  },
  {
    name: "bar-agent-1",
    server: "bar",
    attestation: "join_token",
    joinTokenAlias: "spiffe://bar.example.com/node/edge-1",
  },
];

/** Returns the server spec with this name, or throws. */
export function getServerSpec(name: string): ServerSpec {
  const spec = SERVERS.find((s) => s.name === name);
  if (!spec) throw new Error(`unknown server "${name}"`);
  return spec;
}

/** Returns the agents that attest to the given server. */
export function agentsOf(serverName: string): AgentSpec[] {
  return AGENTS.filter((a) => a.server === serverName);
}
