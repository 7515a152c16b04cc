"use client";

import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { StatePanel } from "@/components/ui/state-panel";
import { createSuppression } from "@/lib/query/api-no-identity";

import { useSuppressionChange } from "./use-suppression-change";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** Adds a rule hiding one cluster's pods of a namespace, or with a label key=value, with the reason why. */
export function SuppressionForm({ clusters, defaultCluster }: { clusters: string[]; defaultCluster: string }) {
  const { busy, error, run } = useSuppressionChange();
  const [kind, setKind] = useState<"namespace" | "label">("namespace");
  const [done, setDone] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const base = { cluster: text(form, "cluster"), reason: text(form, "reason") };
    const body =
      kind === "namespace"
        ? { ...base, kind, namespace: text(form, "namespace") }
        : { ...base, kind, key: text(form, "key"), value: text(form, "value") };
    const rule = await run(() => createSuppression(body));
    if (rule) {
      setDone(`Added: pods of ${rule.cluster} are hidden by this rule.`);
      target.reset();
    }
  }
  return (
    <form
      aria-label="Add a suppression rule"
      className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-3"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <Field id="suppress-cluster" label="Cluster" error={error?.fields.cluster}>
        <Select name="cluster" defaultValue={defaultCluster}>
          {clusters.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </Select>
      </Field>
      <Field id="suppress-kind" label="Hide pods by">
        <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value as "namespace" | "label")}>
          <option value="namespace">Namespace</option>
          <option value="label">Label</option>
        </Select>
      </Field>
      {kind === "namespace" ? (
        <Field id="suppress-namespace" label="Namespace" error={error?.fields.namespace}>
          <Input name="namespace" required />
        </Field>
      ) : (
        <>
          <Field id="suppress-key" label="Label key" error={error?.fields.key}>
            <Input name="key" required />
          </Field>
          <Field id="suppress-value" label="Label value" error={error?.fields.value}>
            <Input name="value" />
          </Field>
        </>
      )}
      <Field id="suppress-reason" label="Why these pods need no identity" error={error?.fields.reason}>
        <Input name="reason" required maxLength={300} />
      </Field>
      <div className="flex items-end sm:col-span-2 lg:col-span-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Adding…" : "Add rule"}
        </Button>
      </div>
      {error && Object.keys(error.fields).length === 0 ? (
        <div className="sm:col-span-2 lg:col-span-3">
          <StatePanel tone="error" title="The rule was not added">
            {error.message}
          </StatePanel>
        </div>
      ) : null}
      {done && !error ? (
        <p role="status" className="text-sm text-emerald-800 sm:col-span-2 lg:col-span-3">
          {done}
        </p>
      ) : null}
    </form>
  );
}
