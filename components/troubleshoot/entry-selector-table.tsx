import Link from "next/link";

import type { Entry, Selector } from "@/lib/spire/types";

const chip = (s: Selector, ok: boolean) => (
  <li
    key={`${s.type}:${s.value}`}
    className={`rounded px-1.5 py-0.5 font-mono text-xs ${ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800 line-through decoration-red-400"}`}
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
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1 pr-3">Entry</th>
          <th className="py-1 pr-3">Parent</th>
          <th className="py-1">Selectors (satisfied / missing)</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map(({ entry, satisfied, missing, note }) => (
          <tr key={entry.id} className="align-top">
            <td className="py-2 pr-3">
              <Link
                className="font-mono text-xs text-sky-700 hover:underline"
                href={`/entries/${encodeURIComponent(entry.id)}?server=${encodeURIComponent(server)}`}
              >
                {entry.spiffeId}
              </Link>
              {note ? <p className="text-xs text-slate-500">{note}</p> : null}
            </td>
            <td className="py-2 pr-3 font-mono text-xs break-all">{entry.parentId}</td>
            <td className="py-2">
              <ul className="flex flex-wrap gap-1">
                {satisfied.map((s) => chip(s, true))}
                {missing.map((s) => chip(s, false))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
