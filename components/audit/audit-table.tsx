import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeText } from "@/components/ui/time-text";
import { auditTargetHref } from "@/lib/audit/audit-links";
import type { AuditRecord } from "@/lib/store/types";

import { RecordDiff } from "./record-diff";

const tone = { ok: "good", denied: "warn", error: "bad", pending: "neutral" } as const;

function actorText(record: AuditRecord): string {
  if (!record.actor) return "(unidentified)";
  return `${record.actor.name} (${record.actor.method})`;
}

/** The record's target, linked to its entry or agent page when it has one. */
function AuditTarget({ record }: { record: AuditRecord }) {
  const text = record.target.spiffeId ?? record.target.id ?? "—";
  const href = auditTargetHref(record);
  return (
    <div className="font-mono text-xs break-all">
      {href ? (
        <Link href={href} className="text-sky-800 underline" data-testid="audit-target-link">
          {text}
        </Link>
      ) : (
        text
      )}
    </div>
  );
}

/** Audit records, newest first (times relative to `now`, UTC on hover); each change opens its before/after diff. */
export function AuditTable({ records, now }: { records: AuditRecord[]; now: number }) {
  return (
    <Table caption="Audit log" overflow="scroll">
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Actor</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>Target</TableHead>
          <TableHead>Server</TableHead>
          <TableHead>Outcome</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {records.map((r) => (
          <TableRow key={r.id} data-testid="audit-row">
            <TableCell className="text-xs whitespace-nowrap">
              <TimeText iso={new Date(r.at).toISOString()} now={now} />
            </TableCell>
            <TableCell>{actorText(r)}</TableCell>
            <TableCell className="font-mono text-xs">{r.action}</TableCell>
            <TableCell className="max-w-md">
              <AuditTarget record={r} />
              {r.before !== null || r.after !== null ? (
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-sky-800">Changes</summary>
                  <RecordDiff before={r.before} after={r.after} />
                </details>
              ) : null}
            </TableCell>
            <TableCell>{r.server ?? "—"}</TableCell>
            <TableCell>
              <Badge tone={tone[r.outcome]}>{r.outcome}</Badge>
              {r.error ? <div className="mt-1 text-xs text-slate-600">{r.error.message}</div> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
