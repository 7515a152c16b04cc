"use client";

import { useState } from "react";

import { useAccess } from "@/components/auth/access-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AgentBatchAction, AgentBatchAnswer } from "@/lib/agents/batch-agent-actions";

import { useAgentBatch } from "./use-fleet";

function Rows({ answer, caption }: { answer: AgentBatchAnswer; caption: string }) {
  return (
    <Table
      frameClassName="relative"
      caption={caption}
      data-testid={answer.dryRun ? "bulk-dry-run-rows" : "bulk-results"}
    >
      <TableHeader>
        <TableRow>
          <TableHead>Agent</TableHead>
          <TableHead>Entries</TableHead>
          <TableHead>{answer.dryRun ? "What happens" : "Result"}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {answer.rows.map((row) => (
          <TableRow key={row.id} data-testid="bulk-row" data-id={row.id} data-outcome={row.outcome ?? row.plan}>
            <TableCell className="break-all font-mono text-xs">{row.id}</TableCell>
            <TableCell className="text-xs">
              {row.entries} direct{row.aliases ? `, ${row.aliases} node alias(es)` : ""}
            </TableCell>
            <TableCell className="text-xs">
              {row.outcome ? (
                <Badge tone={row.outcome === "ok" ? "good" : row.outcome === "error" ? "bad" : "neutral"}>
                  {row.outcome}
                </Badge>
              ) : null}{" "}
              {row.error?.message ?? row.note}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The bulk bar: ban or evict the selected agents after a dry run, with a result per row. */
export function BulkAgentBar({ server, ids, onDone }: { server: string; ids: string[]; onDone: () => void }) {
  const mayBan = useAccess("agents.ban", server);
  const mayEvict = useAccess("agents.evict", server);
  const dryRun = useAgentBatch(server);
  const apply = useAgentBatch(server);
  const [action, setAction] = useState<AgentBatchAction | null>(null);
  const start = (next: AgentBatchAction) => {
    setAction(next);
    apply.reset();
    dryRun.mutate({ action: next, ids, dryRun: true });
  };
  const sent = dryRun.data?.calls.length ?? 0;
  return (
    <div className="space-y-3" data-testid="bulk-bar">
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
        <span>{ids.length} agent(s) selected</span>
        {mayBan.allowed ? (
          <Button size="sm" variant="destructive" disabled={ids.length === 0} onClick={() => start("ban")}>
            Ban selected…
          </Button>
        ) : null}
        {mayEvict.allowed ? (
          <Button size="sm" variant="caution" disabled={ids.length === 0} onClick={() => start("evict")}>
            Evict selected…
          </Button>
        ) : null}
        {!mayBan.allowed && !mayEvict.allowed ? (
          <span className="text-xs text-slate-600">Bulk ban and evict: {mayEvict.reason}</span>
        ) : null}
      </div>
      {apply.data ? (
        <Rows answer={apply.data} caption={`Results of ${apply.data.action} (batch ${apply.data.batchId})`} />
      ) : null}
      {action ? (
        <ConfirmDialog
          open
          title={`${action === "ban" ? "Ban" : "Evict"} ${ids.length} agent(s)?`}
          confirmLabel={`${action === "ban" ? "Ban" : "Evict"} ${sent} agent(s)`}
          busy={dryRun.isPending || apply.isPending}
          busyLabel={dryRun.isPending ? "Dry run…" : "Working…"}
          typedConfirmation={`${action} ${sent}`}
          onCancel={() => setAction(null)}
          onConfirm={() =>
            apply.mutate(
              { action, ids, dryRun: false },
              {
                onSettled: () => {
                  setAction(null);
                  onDone();
                },
              },
            )
          }
        >
          {dryRun.isError ? <p role="alert">{dryRun.error.message}</p> : null}
          {dryRun.data ? (
            <div className="space-y-2" data-testid="bulk-dry-run">
              <p>Dry run — nothing has changed. Confirming sends exactly these calls:</p>
              <CodeBlock tone="light" className="max-h-40">
                {dryRun.data.calls.map((c) => `${c.rpc} ${c.id}`).join("\n") || "(none)"}
              </CodeBlock>
              <Rows answer={dryRun.data} caption="What each agent affects" />
            </div>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
