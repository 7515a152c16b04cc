import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { primaryLinkClass, secondaryLinkClass } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { links } from "@/lib/links";
import type { NoIdentityKind, UnidentifiedPod } from "@/lib/no-identity/find-unidentified";

const kindText: Record<NoIdentityKind, string> = {
  "no-entry": "No entry",
  "other-agent": "Entry under another agent",
  "near-miss": "Selector near miss",
};

const mountText = (pod: UnidentifiedPod) =>
  pod.mount.kind === "csi" ? `CSI volume (${pod.mount.driver})` : `agent socket (hostPath ${pod.mount.path})`;

/** One cluster's pods with no identity: where they run, how they reach the Workload API, why, and the fixes. */
export function UnidentifiedPodTable({
  cluster,
  pods,
  caption,
  testId,
}: {
  cluster: string;
  pods: readonly UnidentifiedPod[];
  caption: string;
  testId: string;
}) {
  return (
    <Table caption={caption} stack>
      <TableHeader>
        <TableRow>
          <TableHead>Pod</TableHead>
          <TableHead>Node · server</TableHead>
          <TableHead>Mounts</TableHead>
          <TableHead>Why it has no identity</TableHead>
          <TableHead>Fix</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {pods.map((pod) => (
          <TableRow key={pod.uid} data-testid={testId} data-pod={`${pod.namespace}/${pod.name}`}>
            <TableCell data-label="Pod" className="font-mono break-all">
              {pod.namespace}/{pod.name}
            </TableCell>
            <TableCell data-label="Node · server">
              {pod.node ?? "(unscheduled)"} · {pod.server} ({pod.deployment})
            </TableCell>
            <TableCell data-label="Mounts">{mountText(pod)}</TableCell>
            <TableCell data-label="Why it has no identity" className="space-y-1">
              <Badge tone={pod.kind === "no-entry" ? "bad" : "warn"}>{kindText[pod.kind]}</Badge>
              <p className="break-words">{pod.title}</p>
            </TableCell>
            <TableCell data-label="Fix">
              <div className="flex flex-wrap gap-2">
                {pod.actions.map((a, i) => (
                  <Link key={a.label} href={a.href} className={i === 0 ? primaryLinkClass : secondaryLinkClass}>
                    {a.label}
                  </Link>
                ))}
                <Link
                  href={links.troubleshootPod(pod.server, pod.namespace, pod.name, undefined, cluster)}
                  className={secondaryLinkClass}
                >
                  Troubleshoot
                </Link>
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
