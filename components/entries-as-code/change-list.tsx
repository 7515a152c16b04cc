import { Badge } from "@/components/ui/badge";
import type { PlannedChange, PlanRisk } from "@/lib/entries-as-code/types";

/** A plan action's badge tone and word, for entries and federation relationships alike. */
export const actionTone = { create: "good", update: "warn", delete: "bad" } as const;
export const actionLabel = { create: "add", update: "change", delete: "delete" } as const;

/** A field value as one short line (lists joined, absent as "—"). */
function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) {
    const items = value.map((v) => (typeof v === "object" && v && "type" in v ? `${v.type}:${v.value}` : String(v)));
    return items.length ? items.join(", ") : "—";
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function FieldDiffs({ change }: { change: PlannedChange }) {
  if (change.action !== "update") {
    const entry = change.action === "create" ? change.after : change.before;
    return (
      <p className="font-mono text-xs break-all text-slate-700">
        parent {entry?.parentId ?? "—"} · selectors {show(entry?.selectors)}
      </p>
    );
  }
  return (
    <table className="w-full text-xs">
      <caption className="sr-only">Fields that change</caption>
      <thead>
        <tr className="text-slate-600">
          <th scope="col" className="py-1 pr-3 text-left font-medium">
            field
          </th>
          <th scope="col" className="py-1 pr-3 text-left font-medium">
            now
          </th>
          <th scope="col" className="py-1 text-left font-medium">
            after apply
          </th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {change.fields.map((f) => (
          <tr key={f.field} className="align-top">
            <th scope="row" className="py-1 pr-3 text-left font-medium">
              {f.field}
            </th>
            <td className="py-1 pr-3 break-all text-red-800">
              <span className="sr-only">before: </span>
              {show(f.before)}
            </td>
            <td className="py-1 break-all text-emerald-800">
              <span className="sr-only">after: </span>
              {show(f.after)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The changes of a plan, one collapsible row each (an update shows its fields before → after),
 * with the plan's risk flags beside the entry they concern.
 */
export function ChangeList({
  changes,
  risks = [],
  label,
}: {
  changes: PlannedChange[];
  risks?: PlanRisk[];
  label: string;
}) {
  if (changes.length === 0) return <p className="text-sm text-slate-700">No entry changes.</p>;
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {changes.map((change, index) => {
        const flags = risks.filter(
          (r) => r.spiffeId === change.spiffeId && (!r.entryId || r.entryId === change.entryId),
        );
        return (
          <li key={`${change.action}-${change.entryId ?? ""}-${change.spiffeId}-${index}`} data-testid="plan-change">
            <details open={changes.length <= 20} className="group px-3 py-2">
              <summary className="flex cursor-pointer flex-wrap items-center gap-2 text-sm">
                <Badge tone={actionTone[change.action]}>{actionLabel[change.action]}</Badge>
                <span className="font-mono break-all">{change.spiffeId}</span>
                {change.entryId ? <span className="text-xs text-slate-600">entry {change.entryId}</span> : null}
                {change.action === "update" ? (
                  <span className="text-xs text-slate-600">{change.fields.map((f) => f.field).join(", ")}</span>
                ) : null}
                {flags.map((flag) => (
                  <Badge key={flag.kind} tone="bad" title={flag.message}>
                    {flag.kind}
                  </Badge>
                ))}
              </summary>
              <div className="mt-2 space-y-1 pl-1">
                {flags.map((flag) => (
                  <p key={flag.kind} className="text-xs text-red-800">
                    {flag.message}
                  </p>
                ))}
                <FieldDiffs change={change} />
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
