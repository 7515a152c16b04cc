// The k8s_psat agents of the stack: foo's on demo's three nodes and on edge's first node (the
// second never got its agent: a seeded fault), bar's on its own two nodes of demo.
import { EDGE_CLUSTER } from "../k8s/paths.ts";
import { NODES } from "../k8s/topology.ts";
import { BAR_NAMESPACE, BAR_NODES } from "../k8s/world-bar.ts";
import { EDGE_FAULTS, EDGE_NODES } from "../k8s/world-edge.ts";
import type { AgentSpec } from "./topology.ts";

/** The server whose deployment the demo cluster's `spire` namespace holds. */
export const K8S_SERVER = "foo";

type K8sAgentSpec = AgentSpec & { k8sNode: string; k8sNamespace: string };

/** foo-k8s-agent-1..3 (demo), bar-k8s-agent-1..2 (demo, namespace spire-bar), foo-edge-agent-1 (edge). */
export const K8S_AGENTS: readonly K8sAgentSpec[] = [
  ...NODES.map((node, index) => ({
    name: `foo-k8s-agent-${index + 1}`,
    server: K8S_SERVER,
    attestation: "k8s_psat" as const,
    k8sNode: node.name,
    k8sNamespace: "spire",
  })),
  ...BAR_NODES.map((node, index) => ({
    name: `bar-k8s-agent-${index + 1}`,
    server: "bar",
    attestation: "k8s_psat" as const,
    k8sNode: node.name,
    k8sNamespace: BAR_NAMESPACE,
  })),
  ...EDGE_NODES.filter((node) => node.name !== EDGE_FAULTS.stuckAgentNode).map((node, index) => ({
    name: `foo-edge-agent-${index + 1}`,
    server: K8S_SERVER,
    attestation: "k8s_psat" as const,
    k8sNode: node.name,
    k8sNamespace: "spire",
    k8sCluster: EDGE_CLUSTER,
  })),
];
