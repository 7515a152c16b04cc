import { Badge } from "@/components/ui/badge";

import type { BatchCreateResponse } from "../use-entry-mutations";
import type { PreviewRow } from "./import-rows";

type Result = BatchCreateResponse["results"][number];

function RowStatus({ row, result }: { row: PreviewRow; result: Result | undefined }) {
  if (!row.valid) {
    return (
      <>
        <Badge tone="bad">not sent</Badge>
        <ul className="mt-1 list-disc pl-4 text-xs text-red-800">
          {row.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </>
    );
  }
  if (!result) return <Badge tone="neutral">valid</Badge>;
  if (result.status.code === "ok")
    return (
      <Badge tone="good" title={result.entry?.id}>
        created
      </Badge>
    );
  return (
    <>
      <Badge tone={result.status.code === "already_exists" ? "warn" : "bad"}>{result.status.code}</Badge>
      <p className="mt-1 text-xs text-red-800">{result.status.message}</p>
    </>
  );
}

/** The import preview: one row per file row, with its problems or its result. */
export function ImportTable({ rows, results }: { rows: PreviewRow[]; results: Map<number, Result> | null }) {
  return (
    <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-200">
      <table className="w-full table-fixed text-sm">
        <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="w-12 px-3 py-2">#</th>
            <th className="px-3 py-2">SPIFFE ID</th>
            <th className="px-3 py-2">Parent</th>
            <th className="w-72 px-3 py-2">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.index} data-testid="import-row" className="align-top">
              <td className="px-3 py-2 text-slate-500">{row.index + 1}</td>
              <td className="truncate px-3 py-2 font-mono text-xs">{String(row.input.spiffeId ?? "—")}</td>
              <td className="truncate px-3 py-2 font-mono text-xs">{String(row.input.parentId ?? "—")}</td>
              <td className="px-3 py-2" data-testid="import-row-status">
                <RowStatus row={row} result={results?.get(row.index)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
