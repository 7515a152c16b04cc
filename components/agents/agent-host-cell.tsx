import Link from "next/link";

import { findAgentHost } from "@/lib/agents/agent-host";
import { links } from "@/lib/links";
import type { Selector } from "@/lib/spire/types";

/**
 * The node or host an agent runs on; a Kubernetes node links to its row (agent pod, CSI pod) on the Kubernetes
 * page, of the agent's cluster when known.
 */
export function AgentHostCell({ selectors, cluster }: { selectors: readonly Selector[]; cluster?: string | null }) {
  const host = findAgentHost(selectors);
  if (!host) return <span className="text-slate-600">–</span>;
  if (host.kind === "host") return <span className="font-mono break-all">{host.name}</span>;
  return (
    <Link
      href={links.kubernetesNode(host.name, cluster ?? undefined)}
      className="font-mono break-all text-sky-800 underline"
      title={`Node ${host.name}: its spire-agent and CSI pods`}
      data-testid="agent-node"
    >
      {host.name}
    </Link>
  );
}
