import Link from "next/link";

import type { FederationNode } from "@/lib/federation/build-graph";
import { links } from "@/lib/links";

/** Where each trust domain's server runs: its Kubernetes deployments (the server's own, then agents only). */
export function ServerPlacements({ nodes }: { nodes: FederationNode[] }) {
  const placed = nodes.filter((n) => n.server);
  if (placed.length === 0) return null;
  return (
    <ul className="mt-3 space-y-1 text-xs text-slate-700" aria-label="Where each server runs">
      {placed.map((n) => (
        <li key={n.trustDomain} data-testid="server-placement" data-server={n.server}>
          <span className="font-mono">{n.trustDomain}</span> (server {n.server}):{" "}
          {n.runsIn?.length
            ? n.runsIn.map((p, i) => (
                <span key={`${p.cluster}/${p.deployment}`}>
                  {i > 0 ? "; " : ""}
                  {p.serverInCluster ? "runs in" : "agents in"}{" "}
                  <Link
                    className="text-sky-800 underline"
                    href={links.kubernetes(n.server!, { cluster: p.cluster, deployment: p.deployment })}
                  >
                    cluster {p.cluster}
                  </Link>
                  , namespace {p.namespace}
                </span>
              ))
            : "in no configured Kubernetes cluster"}
        </li>
      ))}
    </ul>
  );
}
