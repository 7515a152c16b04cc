"use client";

import { useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { type Column, ColumnTable } from "@/components/ui/column-table";
import { TimeText } from "@/components/ui/time-text";
import type { AlertState } from "@/lib/alerts/types";

import { labelText } from "./label-text";
import { SilenceForm } from "./silence-form";

const columns = (now: number): Column<AlertState>[] => [
  {
    header: "Status",
    cell: (a) => (
      <Badge tone={a.status === "resolved" ? "good" : a.silencedBy ? "neutral" : "bad"}>
        {a.status === "resolved" ? "resolved" : a.silencedBy ? "silenced" : `firing (${a.severity})`}
      </Badge>
    ),
  },
  { header: "Alert", cell: (a) => a.summary },
  { header: "Since", cell: (a) => <TimeText iso={new Date(a.resolvedAt ?? a.startedAt).toISOString()} now={now} /> },
  { header: "Labels", className: "font-mono text-xs break-all", cell: (a) => labelText(a.labels) },
];

/** Alerts firing now (silenced ones marked) and lately resolved ones; a firing alert can be silenced. */
export function AlertTable({ alerts, now, canWrite }: { alerts: AlertState[]; now: number; canWrite: boolean }) {
  const [silencing, setSilencing] = useState<AlertState | null>(null);
  const silence = (a: AlertState) =>
    a.status === "firing" && !a.silencedBy ? (
      <Button size="sm" variant="secondary" onClick={() => setSilencing(a)}>
        Silence
      </Button>
    ) : null;
  return (
    <ColumnTable
      caption="Alerts"
      columns={columns(now)}
      rows={alerts}
      rowKey={(a) => a.fingerprint}
      rowTestId="alert-row"
      empty="No alert has fired yet."
      actions={canWrite ? { cell: silence } : undefined}
      className="space-y-3"
    >
      {silencing ? <SilenceForm alert={silencing} onDone={() => setSilencing(null)} /> : null}
    </ColumnTable>
  );
}
