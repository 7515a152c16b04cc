import type { Selector } from "@/lib/spire/types";

/** Where an agent runs, as its attestation selectors name it: a Kubernetes node or a host. */
export type AgentHost = { kind: "node" | "host"; name: string };

// Selector (type, value prefix) pairs that name the machine an agent was attested on, most specific first.
const hostSelectors: readonly [type: string, prefix: string, kind: AgentHost["kind"]][] = [
  ["k8s_psat", "agent_node_name:", "node"],
  ["x509pop", "subject:cn:", "host"],
  ["sshpop", "hostname:", "host"],
  ["gcp_iit", "instance-name:", "host"],
  ["aws_iid", "instance-id:", "host"],
  ["azure_msi", "vm-name:", "host"],
  ["tpm_devid", "subject:cn:", "host"],
];

/** The node or host an agent's selectors name (k8s_psat's node name, x509pop's certificate CN, …), or null. */
export function findAgentHost(selectors: readonly Selector[]): AgentHost | null {
  for (const [type, prefix, kind] of hostSelectors) {
    const found = selectors.find((s) => s.type === type && s.value.startsWith(prefix));
    if (found) {
      const name = found.value.slice(prefix.length);
      // aws_iid's and azure's values may carry a second part after another ':'; the name is the first.
      return { kind, name: kind === "node" ? name : name.split(":")[0]! };
    }
  }
  return null;
}
