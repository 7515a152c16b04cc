import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeText } from "@/components/ui/time-text";
import type { K8sEvent } from "@/lib/k8s/types";

/** Kubernetes events, newest first. */
export function EventsTable({
  events,
  empty,
  now,
  testId,
  caption,
}: {
  events: K8sEvent[];
  empty: string;
  now: number;
  testId: string;
  caption: string;
}) {
  if (events.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <Table caption={caption} stack>
      <TableHeader>
        <TableRow>
          <TableHead>Last seen</TableHead>
          <TableHead>Object</TableHead>
          <TableHead>Reason</TableHead>
          <TableHead>Message</TableHead>
          <TableHead>Count</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => (
          <TableRow key={`${event.namespace}/${event.name}`} data-testid={testId}>
            <TableCell data-label="Last seen" className="whitespace-nowrap">
              {event.lastSeen ? <TimeText iso={event.lastSeen} now={now} /> : "—"}
            </TableCell>
            <TableCell data-label="Object" className="font-mono text-xs">
              {event.namespace}/{event.involved.kind.toLowerCase()}/{event.involved.name}
            </TableCell>
            <TableCell data-label="Reason" className="font-medium">
              {event.reason}
            </TableCell>
            <TableCell data-label="Message" className="text-slate-700">
              {event.message}
            </TableCell>
            <TableCell data-label="Count" className="tabular-nums">
              {event.count}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
