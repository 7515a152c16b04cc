import { diffRecords } from "@/lib/audit/diff";

const show = (value: unknown) => (value === undefined ? "—" : JSON.stringify(value));

/** The fields a change touched, before and after (a create shows only after, a delete only before). */
export function RecordDiff({ before, after }: { before: unknown; after: unknown }) {
  const changes = diffRecords(before, after);
  if (changes.length === 0) return <p className="text-xs text-slate-600">No field changed.</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 font-mono text-xs" data-testid="record-diff">
      {changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className="font-semibold text-slate-700">{c.field}</dt>
          <dd className="break-all">
            <del className="bg-red-50 text-red-900 decoration-red-400">{show(c.before)}</del>{" "}
            <span aria-hidden="true">→</span>{" "}
            <ins className="bg-emerald-50 text-emerald-900 no-underline">{show(c.after)}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
