"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Selector types operators use most, suggested as you type; any `type:value` is accepted. */
export const knownSelectorPrefixes = [
  "unix:uid:",
  "unix:gid:",
  "unix:user:",
  "unix:group:",
  "unix:path:",
  "unix:sha256:",
  "k8s:ns:",
  "k8s:sa:",
  "k8s:pod-label:",
  "k8s:pod-uid:",
  "k8s:pod-name:",
  "k8s:container-name:",
  "k8s:container-image:",
  "k8s:node-name:",
  "k8s_psat:cluster:",
  "k8s_psat:agent_ns:",
  "k8s_psat:agent_sa:",
  "k8s_psat:agent_node_name:",
  "docker:label:",
  "docker:image_id:",
  "docker:env:",
  "x509pop:subject:cn:",
  "x509pop:ca:fingerprint:",
  "join_token:",
  "spiffe_id:",
  "systemd:id:",
];

type Props = { rows: string[]; errors: Record<string, string>; listError?: string; onChange: (rows: string[]) => void };

/** The entry's selectors, one `type:value` per row, with known types suggested. */
export function SelectorBuilder({ rows, errors, listError, onChange }: Props) {
  const set = (i: number, text: string) => onChange(rows.map((r, j) => (j === i ? text : r)));
  return (
    <fieldset className="space-y-2" aria-describedby={listError ? "entry-selectors-error" : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">Selectors</legend>
      <datalist id="selector-suggestions">
        {knownSelectorPrefixes.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      {rows.map((row, i) => {
        const error = errors[`selectors.${i}`];
        return (
          <div key={i}>
            <div className="flex gap-2">
              <Input
                aria-label={`Selector ${i + 1}`}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `selector-${i}-error` : undefined}
                list="selector-suggestions"
                value={row}
                onChange={(e) => set(i, e.target.value)}
                placeholder="k8s:ns:payments"
                autoComplete="off"
                className="font-mono"
              />
              <Button
                variant="ghost"
                size="icon"
                onClick={() => onChange(rows.length > 1 ? rows.filter((_, j) => j !== i) : [""])}
              >
                <span aria-hidden>×</span>
                <span className="sr-only">Remove selector {i + 1}</span>
              </Button>
            </div>
            {error ? (
              <p id={`selector-${i}-error`} role="alert" className="mt-1 text-xs text-red-700">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <Button variant="secondary" size="sm" onClick={() => onChange([...rows, ""])}>
        Add selector
      </Button>
      {listError ? (
        <p id="entry-selectors-error" role="alert" className="text-xs text-red-700">
          {listError}
        </p>
      ) : null}
    </fieldset>
  );
}
