import { Badge } from "@/components/ui/badge";
import type { FederationFields, FederationPlan } from "@/lib/entries-as-code/types";

import { actionLabel, actionTone } from "./change-list";

/** A relationship's endpoint and profile as one line ("—" when there is none on that side). */
function describe(fields: FederationFields | null): string {
  if (!fields) return "—";
  const profile = fields.bundleEndpointProfile;
  const how = profile.type === "https_spiffe" ? `https_spiffe as ${profile.endpointSpiffeId}` : profile.type;
  return `${fields.bundleEndpointUrl} (${how})`;
}

/**
 * The federation relationships a plan changes, each with its endpoint before → after, and the
 * live ones the file leaves alone (unmanaged). Nothing when the file declares no relationships.
 */
export function FederationChangeList({ federation }: { federation?: FederationPlan }) {
  if (!federation) return null;
  const { changes, unchanged, unmanaged } = federation;
  return (
    <section aria-labelledby="plan-federation-title" className="space-y-2" data-testid="plan-federation">
      <h3 id="plan-federation-title" className="text-sm font-semibold">
        Federation relationships: {changes.length} to change · {unchanged} unchanged
        {unmanaged.length ? ` · unmanaged ${unmanaged.join(", ")}` : ""}
      </h3>
      {changes.length ? (
        <ul
          aria-label="Federation relationship changes"
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        >
          {changes.map((change) => (
            <li key={change.trustDomain} className="space-y-1 px-3 py-2 text-sm" data-testid="plan-federation-change">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={actionTone[change.action]}>{actionLabel[change.action]}</Badge>
                <span className="font-mono">{change.trustDomain}</span>
                {change.action === "update" ? (
                  <span className="text-xs text-slate-600">{change.fields.map((f) => f.field).join(", ")}</span>
                ) : null}
              </div>
              <p className="font-mono text-xs break-all">
                {change.action !== "create" ? (
                  <span className="text-red-800">
                    <span className="sr-only">now: </span>
                    {describe(change.before)}
                  </span>
                ) : null}
                {change.action === "update" ? " → " : null}
                {change.action !== "delete" ? (
                  <span className="text-emerald-800">
                    <span className="sr-only">after apply: </span>
                    {describe(change.after)}
                  </span>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
