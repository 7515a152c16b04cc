import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PreviewRow } from "@/lib/entries/import-rows";
import type { BatchCreateAnswer } from "@/lib/query/api";

type Result = BatchCreateAnswer["results"][number];

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
    <Table caption="Rows of the import file" layout="fixed" overflow="scroll" stickyHeader frameClassName="rounded-md">
      <TableHeader>
        <TableRow>
          <TableHead className="w-12">#</TableHead>
          <TableHead>SPIFFE ID</TableHead>
          <TableHead>Parent</TableHead>
          <TableHead className="w-72">Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.index} data-testid="import-row">
            <TableCell className="text-slate-500">{row.index + 1}</TableCell>
            <TableCell className="truncate font-mono text-xs">{String(row.input.spiffeId ?? "—")}</TableCell>
            <TableCell className="truncate font-mono text-xs">{String(row.input.parentId ?? "—")}</TableCell>
            <TableCell data-testid="import-row-status">
              <RowStatus row={row} result={results?.get(row.index)} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
