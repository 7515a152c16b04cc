"use client";

import type { FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { ruleKinds, severities } from "@/lib/alerts/types";
import { createAlertRule } from "@/lib/query/api-alerts";

import { AlertForm } from "./form-parts";
import { useAlertChange } from "./use-alert-change";

const kindLabels: Record<(typeof ruleKinds)[number], string> = {
  "authority-expiry": "Authority (CA, JWT key) expiry",
  "federation-stale": "Federated bundle stale or failing",
  "agents-expiring": "Agents expiring or unable to re-attest",
  "attestation-failures": "Node attestation failures (SPIRE telemetry)",
  "server-down": "SPIRE server down",
  "index-walk-failing": "Entry index walk failing",
  "entry-set-drift": "Drift of declared entry sets",
};

const list = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const optionalNumber = (value: FormDataEntryValue | null) => (String(value ?? "") ? Number(value) : undefined);

function ruleBody(form: FormData) {
  const thresholds = list(form.get("thresholds")).map(Number);
  return {
    name: String(form.get("name") ?? ""),
    kind: String(form.get("kind")),
    severity: String(form.get("severity")),
    servers: list(form.get("servers")),
    params: {
      ...(thresholds.length ? { thresholdsDays: thresholds } : {}),
      withinHours: optionalNumber(form.get("withinHours")),
      staleWithinHours: optionalNumber(form.get("staleWithinHours")),
      failuresPer5m: optionalNumber(form.get("failuresPer5m")),
    },
    repeatMinutes: optionalNumber(form.get("repeat")) ?? 240,
  };
}

/** The form that creates an alert rule; each kind reads only its own settings. */
export function RuleForm({ servers }: { servers: string[] }) {
  const { busy, error, run } = useAlertChange();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (await run(() => createAlertRule(ruleBody(new FormData(form))))) form.reset();
  }
  const fieldError = (name: string) => error?.fields[name];
  return (
    <AlertForm id="new-rule" title="New rule" error={error} onSubmit={(e) => void submit(e)}>
      <Field id="rule-name" label="Name" error={fieldError("name")}>
        <Input name="name" required maxLength={80} />
      </Field>
      <Field id="rule-kind" label="Watches" error={fieldError("kind")}>
        <Select name="kind" defaultValue="authority-expiry">
          {ruleKinds.map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="rule-severity" label="Severity">
        <Select name="severity" defaultValue="warning">
          {severities.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="rule-servers" label="Servers (empty: all)" error={fieldError("servers")}>
        <Input name="servers" placeholder={servers.join(", ")} />
      </Field>
      <Field id="rule-thresholds" label="Thresholds in days (authority expiry)" error={fieldError("params")}>
        <Input name="thresholds" placeholder="30, 7, 1" />
      </Field>
      <Field id="rule-within" label="Agents: hours of SVID left (default 0.25)">
        <Input name="withinHours" type="number" step="any" min={0} />
      </Field>
      <Field id="rule-stale" label="Bundles: stale within hours (default 24)">
        <Input name="staleWithinHours" type="number" step="any" min={0} />
      </Field>
      <Field id="rule-failures" label="Attestations: failures per 5 minutes (default 5)">
        <Input name="failuresPer5m" type="number" min={1} />
      </Field>
      <Field id="rule-repeat" label="Repeat every (minutes)" error={fieldError("repeatMinutes")}>
        <Input name="repeat" type="number" min={1} max={10080} defaultValue={240} />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={busy}>
          Create rule
        </Button>
      </div>
    </AlertForm>
  );
}
