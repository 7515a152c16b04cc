"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { Badge } from "@/components/ui/badge";
import { links } from "@/lib/links";
import { fetchNodeWorkloads } from "@/lib/query/api";
import { nodeWorkloadKeys } from "@/lib/query/keys";

/**
 * The pods on a node that use the Workload API (CSI volume or the agent's socket hostPath), each linking to the
 * troubleshooter for that pod; read when shown.
 */
export function NodeWorkloadsList({ node, cluster, server }: { node: string; cluster?: string; server?: string }) {
  const query = useQuery({
    queryKey: nodeWorkloadKeys.node(cluster, node),
    queryFn: () => fetchNodeWorkloads(node, cluster),
  });
  if (query.isPending) return <p className="text-sm text-slate-600">Reading the pods on {node}…</p>;
  if (query.isError)
    return (
      <p role="alert" className="text-sm text-red-800">
        Could not read the pods on {node}: {query.error.message}
      </p>
    );
  const { pods, cluster: clusterName } = query.data;
  const spireServer = server ?? query.data.server ?? undefined;
  if (pods.length === 0) return <p className="text-sm text-slate-600">No pod on {node} uses the Workload API.</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid="node-workloads" aria-label={`Workload API pods on ${node}`}>
      {pods.map((pod) => (
        <li
          key={`${pod.namespace}/${pod.name}`}
          data-testid="node-workload"
          data-pod={`${pod.namespace}/${pod.name}`}
          className="flex flex-wrap items-center gap-2"
        >
          {spireServer ? (
            <Link
              href={links.troubleshootPod(spireServer, pod.namespace, pod.name, undefined, clusterName)}
              className="font-mono text-xs break-all text-sky-800 hover:underline"
              title="Troubleshoot this pod's identity"
            >
              {pod.namespace}/{pod.name}
            </Link>
          ) : (
            <span className="font-mono text-xs break-all">
              {pod.namespace}/{pod.name}
            </span>
          )}
          <Badge tone="info">{pod.via === "csi" ? "CSI volume" : "socket hostPath"}</Badge>
          <span className="text-xs text-slate-600">{pod.phase}</span>
        </li>
      ))}
    </ul>
  );
}

/** A node row's "Workload API pods" button: the list opens (and is read) on demand. */
export function NodeWorkloadsToggle({ node, cluster, server }: { node: string; cluster?: string; server?: string }) {
  const [open, setOpen] = useState(false);
  const id = `node-workloads-${node}`;
  return (
    <div className="mt-1">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="text-xs text-sky-800 underline"
        data-testid="node-workloads-toggle"
      >
        {open ? "Hide" : "Show"} Workload API pods
      </button>
      <div id={id} className={open ? "mt-1" : "hidden"}>
        {open ? <NodeWorkloadsList node={node} cluster={cluster} server={server} /> : null}
      </div>
    </div>
  );
}
