"use client";

import { Button } from "@/components/ui/button";
import { type Column, ColumnTable } from "@/components/ui/column-table";
import { TimeText } from "@/components/ui/time-text";
import type { AlertSilence } from "@/lib/alerts/types";
import { expireAlertSilence } from "@/lib/query/api-alerts";

import { ChangeErrorLine } from "./form-parts";
import { labelText } from "./label-text";
import { useAlertChange } from "./use-alert-change";

const columns = (now: number): Column<AlertSilence>[] => [
  { header: "Matches", className: "font-mono text-xs break-all", cell: (s) => labelText(s.matchers) },
  { header: "Reason", cell: (s) => s.reason },
  { header: "By", cell: (s) => s.createdBy },
  {
    header: "Ends",
    cell: (s) => (
      <>
        {s.expiresAt > now ? "" : "ended "}
        <TimeText iso={new Date(s.expiresAt).toISOString()} now={now} />
      </>
    ),
  },
];

/** The silences, in force or ended, with their reason and who set them; writers can end one now. */
export function SilenceTable({
  silences,
  now,
  canWrite,
}: {
  silences: AlertSilence[];
  now: number;
  canWrite: boolean;
}) {
  const { busy, error, run } = useAlertChange();
  const endNow = (s: AlertSilence) =>
    s.expiresAt > now ? (
      <Button size="sm" variant="secondary" disabled={busy} onClick={() => void run(() => expireAlertSilence(s.id))}>
        End now
      </Button>
    ) : null;
  return (
    <ColumnTable
      caption="Silences"
      columns={columns(now)}
      rows={silences}
      rowKey={(s) => s.id}
      rowTestId="silence-row"
      empty="No silences. Silence a firing alert from the Alerts table."
      actions={canWrite ? { cell: endNow } : undefined}
      className="space-y-2"
    >
      <ChangeErrorLine error={error} />
    </ColumnTable>
  );
}
