import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Gap, SpiffeIdEvaluation } from "@/lib/controller-manager/evaluate";
import { selectorText } from "@/lib/controller-manager/label-selector";
import type { RenderFailureGap } from "@/lib/controller-manager/render-gap";
import { cn } from "@/lib/format/cn";
import type { K8sClusterSpiffeId } from "@/lib/k8s/types";
import { links } from "@/lib/links";

import { StatsList } from "./stats-cell";

function gapText(gap: Gap): string {
  switch (gap.kind) {
    case "render-failure":
      return `Pod ${gap.pod.namespace}/${gap.pod.name} is selected but its SPIFFE ID cannot be rendered: ${gap.error}.`;
    case "pod-without-entry":
      return `Pod ${gap.pod.namespace}/${gap.pod.name} is selected but SPIRE holds no entry for it (expected ${gap.spiffeId}).`;
    case "entry-without-pod":
      return `Entry ${gap.entryId} (${gap.spiffeId}) is for pod ${gap.podUid}, which no longer exists.`;
    case "entry-differs":
      return `Entry ${gap.entryId} of pod ${gap.pod.namespace}/${gap.pod.name} has ${gap.actual}; the template renders ${gap.expected}.`;
  }
}

/** Why a pod's SPIFFE ID cannot be rendered and what fixes it. */
function RenderFailureFix({ gap }: { gap: RenderFailureGap }) {
  return (
    <div className="ml-5 mt-1 space-y-1 text-slate-800" data-testid="render-failure-fix">
      <p>
        <span className="font-medium">Cause: </span>
        {gap.cause}
      </p>
      <p>
        <span className="font-medium">Fix: </span>
        {gap.fix}
      </p>
      {gap.command ? (
        <CodeBlock tone="light" copyText={gap.command} copyLabel="command">
          {gap.command}
        </CodeBlock>
      ) : null}
    </div>
  );
}

/** One ClusterSPIFFEID: its spec, status, the pods it selects, the entries SPIRE holds and the gaps. */
export function SpiffeIdDetail({
  server,
  object,
  evaluation,
}: {
  server: string;
  object: K8sClusterSpiffeId;
  evaluation: SpiffeIdEvaluation;
}) {
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <h2 className="text-sm font-semibold">Spec and status</h2>
        </CardHeader>
        <CardBody className="grid gap-4 text-sm md:grid-cols-2">
          <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-600">SPIFFE ID template</dt>
            <dd className="break-all font-mono text-xs">{object.spec.spiffeIDTemplate}</dd>
            <dt className="text-slate-600">Namespace selector</dt>
            <dd className="font-mono text-xs">{selectorText(object.spec.namespaceSelector) || "all namespaces"}</dd>
            <dt className="text-slate-600">Pod selector</dt>
            <dd className="font-mono text-xs">{selectorText(object.spec.podSelector) || "all pods"}</dd>
            <dt className="text-slate-600">Namespaces selected</dt>
            <dd data-testid="namespaces-selected">{evaluation.namespacesSelected.join(", ") || "none"}</dd>
            <dt className="text-slate-600">Ignored namespaces</dt>
            <dd>{evaluation.namespacesIgnored.join(", ") || "none"}</dd>
          </dl>
          <StatsList stats={object.stats} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <h2 className={cn("text-sm font-semibold", evaluation.gaps.length ? "text-red-800" : "")}>
            Gaps ({evaluation.gaps.length})
          </h2>
        </CardHeader>
        <CardBody>
          {evaluation.gaps.length === 0 ? (
            <p className="text-sm text-slate-700">Every selected pod has its entry, and every entry its pod.</p>
          ) : (
            <ul className="list-inside list-disc space-y-1 text-sm" data-testid="gaps">
              {evaluation.gaps.map((gap) => (
                <li key={JSON.stringify(gap)} data-gap={gap.kind} className="text-red-800">
                  {gapText(gap)}
                  {gap.kind === "render-failure" ? <RenderFailureFix gap={gap} /> : null}
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
      <Table frameClassName="relative" caption={`Pods ${object.name} selects`} data-testid="selected-pods">
        <TableHeader>
          <TableRow>
            <TableHead>Pod</TableHead>
            <TableHead>Node</TableHead>
            <TableHead>Rendered SPIFFE ID</TableHead>
            <TableHead>Entries in SPIRE</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {evaluation.pods.map((pod) => (
            <TableRow key={pod.uid} data-testid="selected-pod" data-pod={`${pod.namespace}/${pod.name}`}>
              <TableCell className="font-mono text-xs">
                {pod.namespace}/{pod.name}
                <div className="text-slate-600">{pod.uid}</div>
              </TableCell>
              <TableCell className="text-xs">{pod.node ?? "–"}</TableCell>
              <TableCell className="text-xs">
                {pod.spiffeId ? (
                  <SpiffeId value={pod.spiffeId} />
                ) : (
                  <Badge tone="bad">render failure: {pod.renderError}</Badge>
                )}
              </TableCell>
              <TableCell className="text-xs">
                {pod.entryIds.length === 0 ? (
                  <Badge tone="bad">none</Badge>
                ) : (
                  pod.entryIds.map((id) => (
                    <Link
                      key={id}
                      href={links.entry(server, id)}
                      className="block font-mono text-sky-800 hover:underline"
                    >
                      {id}
                    </Link>
                  ))
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
