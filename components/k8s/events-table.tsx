import type { K8sEvent } from "@/lib/k8s/types";
import { formatAbsolute, formatRelative } from "@/lib/format/time";

/** Kubernetes events, newest first. */
export function EventsTable({
  events,
  empty,
  now,
  testId,
}: {
  events: K8sEvent[];
  empty: string;
  now: number;
  testId: string;
}) {
  if (events.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">Last seen</th>
            <th className="px-3 py-2">Object</th>
            <th className="px-3 py-2">Reason</th>
            <th className="px-3 py-2">Message</th>
            <th className="px-3 py-2">Count</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={`${event.namespace}/${event.name}`} data-testid={testId} className="align-top">
              <td className="whitespace-nowrap px-3 py-2">
                {event.lastSeen ? (
                  <time dateTime={event.lastSeen} title={formatAbsolute(event.lastSeen)}>
                    {formatRelative(event.lastSeen, now)}
                  </time>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2 font-mono text-xs">
                {event.namespace}/{event.involved.kind.toLowerCase()}/{event.involved.name}
              </td>
              <td className="px-3 py-2 font-medium">{event.reason}</td>
              <td className="px-3 py-2 text-slate-700">{event.message}</td>
              <td className="px-3 py-2 tabular-nums">{event.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
