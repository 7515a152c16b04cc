"use client";

import { useState } from "react";

import { type Column, ColumnTable } from "@/components/ui/column-table";
import type { AlertSinkSummary, DeliveryAttempt } from "@/lib/alerts/types";
import { deleteAlertSink, sendAlertSinkTest } from "@/lib/query/api-alerts";

import { ChangeErrorLine } from "./form-parts";
import { RowActions } from "./row-actions";
import { useAlertChange } from "./use-alert-change";

const outcome = (a: DeliveryAttempt) =>
  a.status === "ok"
    ? `Test delivered (HTTP ${a.httpStatus}, attempt ${a.attempt}).`
    : `Test not delivered after ${a.attempt} attempt(s): ${a.error ?? "unknown error"}`;

const columns: Column<AlertSinkSummary>[] = [
  { header: "Name", cell: (s) => s.name },
  { header: "Type", cell: (s) => s.type },
  { header: "URL", className: "font-mono text-xs", cell: (s) => s.urlHint },
  { header: "Signed", cell: (s) => (s.type === "webhook" ? (s.hasSecret ? "yes" : "no") : "—") },
];

/** The sinks (URLs shortened, keys hidden); writers can send a test and delete them. */
export function SinkTable({ sinks, canWrite }: { sinks: AlertSinkSummary[]; canWrite: boolean }) {
  const { busy, error, run } = useAlertChange();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  async function test(id: string) {
    setResult(null);
    const attempt = await run(() => sendAlertSinkTest(id));
    if (attempt) setResult({ ok: attempt.status === "ok", text: outcome(attempt) });
  }
  const actions = (s: AlertSinkSummary) => (
    <RowActions
      busy={busy}
      action="Send test"
      onAction={() => void test(s.id)}
      deleteLabel={`Delete sink ${s.name}`}
      onDelete={() => void run(() => deleteAlertSink(s.id))}
    />
  );
  return (
    <ColumnTable
      caption="Alert sinks"
      columns={columns}
      rows={sinks}
      rowKey={(s) => s.id}
      rowTestId="sink-row"
      empty="No sinks yet: alerts go nowhere."
      actions={canWrite ? { cell: actions, className: "space-x-2 whitespace-nowrap" } : undefined}
      className="space-y-2"
    >
      {busy ? <p className="text-sm text-slate-600">Sending…</p> : null}
      {result ? (
        <p role="status" className={result.ok ? "text-sm text-emerald-800" : "text-sm text-red-700"}>
          {result.text}
        </p>
      ) : null}
      <ChangeErrorLine error={error} />
    </ColumnTable>
  );
}
