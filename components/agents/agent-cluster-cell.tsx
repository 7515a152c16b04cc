import Link from "next/link";

import { links } from "@/lib/links";

/** The Kubernetes cluster of a k8s_psat agent (from its attestation), linking to that cluster's deployments. */
export function AgentClusterCell({ cluster }: { cluster: string | null }) {
  if (!cluster) return <span className="text-slate-400">–</span>;
  return (
    <Link
      href={links.kubernetes(undefined, { cluster })}
      className="font-mono text-xs text-sky-800 hover:underline"
      data-testid="agent-cluster"
      title={`Kubernetes cluster ${cluster} (from the agent's k8s_psat attestation)`}
    >
      {cluster}
    </Link>
  );
}
