import { SpiffeId } from "@/components/ui/spiffe-id";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { links } from "@/lib/links";
import type { Entry, Selector } from "@/lib/spire/types";

const chip = (s: Selector, ok: boolean) => (
  <li
    key={`${s.type}:${s.value}`}
    className={`max-w-full rounded px-1.5 py-0.5 font-mono text-xs break-all ${ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800 line-through decoration-red-400"}`}
  >
    {s.type}:{s.value}
  </li>
);

/** Entries with their selectors split into satisfied (green) and missing (red, struck). */
export function EntrySelectorTable({
  server,
  rows,
  caption,
}: {
  server: string;
  caption: string;
  rows: { entry: Entry; satisfied: Selector[]; missing: Selector[]; note?: string }[];
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">None.</p>;
  return (
    <Table caption={caption} variant="bare" layout="fixed" stack>
      <TableHeader tone="plain">
        <TableRow>
          <TableHead className="w-[32%] py-1 pl-0">Entry</TableHead>
          <TableHead className="w-[30%] py-1 pl-0">Parent</TableHead>
          <TableHead className="py-1 pl-0">Selectors (satisfied / missing)</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ entry, satisfied, missing, note }) => (
          <TableRow key={entry.id}>
            <TableCell className="pl-0 text-xs" data-label="Entry">
              <SpiffeId value={entry.spiffeId} href={links.entry(server, entry.id)} />
              {note ? <p className="text-xs text-slate-600">{note}</p> : null}
            </TableCell>
            <TableCell className="pl-0 text-xs" data-label="Parent">
              <SpiffeId value={entry.parentId} label="parent ID" />
            </TableCell>
            <TableCell className="pl-0" data-label="Selectors">
              <ul className="flex flex-wrap gap-1">
                {satisfied.map((s) => chip(s, true))}
                {missing.map((s) => chip(s, false))}
              </ul>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
