import { Badge } from "@/components/ui/badge";
import { type Column, ColumnTable } from "@/components/ui/column-table";
import { TimeText } from "@/components/ui/time-text";
import type { DeliveryAttempt } from "@/lib/alerts/types";

const tone = { ok: "good", retrying: "warn", failed: "bad" } as const;

const columns = (now: number): Column<DeliveryAttempt>[] => [
  { header: "When", cell: (d) => <TimeText iso={new Date(d.at).toISOString()} now={now} /> },
  { header: "Sink", cell: (d) => d.sinkName },
  {
    header: "What",
    cell: (d) => (
      <>
        {d.kind} ({d.alerts} alert{d.alerts === 1 ? "" : "s"})
      </>
    ),
  },
  { header: "Attempt", cell: (d) => d.attempt },
  {
    header: "Outcome",
    cell: (d) => (
      <>
        <Badge tone={tone[d.status]}>{d.status}</Badge> {d.httpStatus ? `HTTP ${d.httpStatus}` : null}
        {d.error ? <span className="text-xs text-slate-700"> {d.error}</span> : null}
        {d.nextAttemptAt ? <span className="text-xs text-slate-700"> (next attempt soon)</span> : null}
      </>
    ),
  },
];

/** The newest delivery attempts: which sink, what was sent, the attempt's outcome and when the next one is due. */
export function DeliveryTable({ deliveries, now }: { deliveries: DeliveryAttempt[]; now: number }) {
  return (
    <ColumnTable
      caption="Delivery log"
      columns={columns(now)}
      rows={deliveries}
      rowKey={(d) => d.id}
      rowTestId="delivery-row"
      empty="Nothing delivered yet."
    />
  );
}
