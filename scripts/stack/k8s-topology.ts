// The k8s_psat agents of the stack: one per seeded Kubernetes node, attesting to foo.
import { NODES } from "../k8s/topology.ts";
import type { AgentSpec } from "./topology.ts";

/** The server that the k8s_psat agents attest to. */
export const K8S_SERVER = "foo";

/** foo-k8s-agent-1..3, one per node of the seeded cluster. */
export const K8S_AGENTS: readonly AgentSpec[] = NODES.map((node, index) => ({
  name: `foo-k8s-agent-${index + 1}`,
  server: K8S_SERVER,
  attestation: "k8s_psat",
  k8sNode: node.name,
}));
