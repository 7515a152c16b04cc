"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CleanupResult, DryRun } from "@/lib/cleanup/cleanup-types";

/** What the dry run says will be sent, the rows left alone, and the blast radius. */
export function DryRunPanel({ dryRun }: { dryRun: DryRun }) {
  const { orphanedChildren, pods, podsReason } = dryRun.blastRadius;
  const skipped = dryRun.rows.filter((r) => r.plan === "skip");
  return (
    <Card data-testid="dry-run">
      <CardHeader>
        <h2 className="text-sm font-semibold">Dry run: nothing has been changed</h2>
      </CardHeader>
      <CardBody className="space-y-3 text-sm">
        <p>Applying sends exactly these calls to SPIRE:</p>
        <CodeBlock tone="light" aria-label="The calls the clean-up will send" data-testid="dry-run-calls">
          {JSON.stringify(dryRun.calls, null, 2)}
        </CodeBlock>
        {skipped.length ? (
          <p data-testid="dry-run-skipped">
            Left alone: {skipped.map((r) => `${r.spiffeId ?? r.target.id} (${r.reason})`).join("; ")}
          </p>
        ) : null}
        <div data-testid="blast-radius">
          <h3 className="font-medium">Blast radius</h3>
          <p>
            {orphanedChildren.length === 0
              ? "No other entry loses its parent."
              : `${orphanedChildren.length} other entr${orphanedChildren.length === 1 ? "y" : "ies"} would become orphans: ${orphanedChildren.map((c) => c.spiffeId).join(", ")}.`}
          </p>
          <p>
            {pods === null
              ? `Pods: not checked (${podsReason}).`
              : pods.length === 0
                ? "No pod of the cluster would lose its identity."
                : `Pods that would lose their identity: ${pods.map((p) => `${p.namespace}/${p.name} (${p.container})`).join(", ")}.`}
          </p>
        </div>
      </CardBody>
    </Card>
  );
}

/** The apply's result: one row per selected finding. */
export function ResultTable({ result }: { result: CleanupResult }) {
  return (
    <Table
      frameClassName="relative"
      caption={`Clean-up results (batch ${result.batchId})`}
      data-testid="cleanup-results"
    >
      <TableHeader>
        <TableRow>
          <TableHead>What</TableHead>
          <TableHead>Result</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {result.rows.map((row) => (
          <TableRow key={row.key} data-testid="result-row" data-key={row.key} data-outcome={row.outcome}>
            <TableCell className="break-all font-mono text-xs">{row.spiffeId ?? row.target.id}</TableCell>
            <TableCell className="text-sm">
              <Badge tone={row.outcome === "ok" ? "good" : row.outcome === "error" ? "bad" : "neutral"}>
                {row.outcome === "ok" ? "removed" : row.outcome}
              </Badge>{" "}
              {row.error ? row.error.message : row.outcome === "skipped" ? row.reason : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
