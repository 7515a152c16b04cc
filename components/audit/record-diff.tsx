import { diffRecords } from "@/lib/audit/diff";

const show = (value: unknown) => (value === undefined ? "—" : JSON.stringify(value));

/**
 * The fields a change touched, before and after (a create shows only after, a delete only before). `label` and
 * `text` say them in a page's words (the entry History uses the form's: "X.509-SVID TTL: server default → 1h");
 * by default the record's own field names and JSON values, as the audit log stores them.
 */
export function RecordDiff({
  before,
  after,
  label = (field) => field,
  text = (_field, value) => show(value),
}: {
  before: unknown;
  after: unknown;
  label?: (field: string) => string;
  text?: (field: string, value: unknown) => string;
}) {
  const changes = diffRecords(before, after);
  if (changes.length === 0) return <p className="text-xs text-slate-600">No field changed.</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 font-mono text-xs" data-testid="record-diff">
      {changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className="font-semibold text-slate-700">{label(c.field)}</dt>
          <dd className="break-all">
            <del className="bg-red-50 text-red-900 decoration-red-400">{text(c.field, c.before)}</del>{" "}
            <span aria-hidden="true">→</span>{" "}
            <ins className="bg-emerald-50 text-emerald-900 no-underline">{text(c.field, c.after)}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
