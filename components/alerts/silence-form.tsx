"use client";

import type { FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import type { AlertState } from "@/lib/alerts/types";
import { createAlertSilence } from "@/lib/query/api-alerts";

import { AlertForm } from "./form-parts";
import { useAlertChange } from "./use-alert-change";

/** Silences exactly one alert (all its labels as matchers) for a while, with a reason. */
export function SilenceForm({ alert, onDone }: { alert: AlertState; onDone: () => void }) {
  const { busy, error, run } = useAlertChange();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      matchers: alert.labels,
      reason: String(form.get("reason") ?? ""),
      durationMinutes: Number(form.get("minutes") || 0),
    };
    if (await run(() => createAlertSilence(body))) onDone();
  }
  return (
    <AlertForm id="silence" title={`Silence: ${alert.summary}`} error={error} onSubmit={(e) => void submit(e)}>
      <Field id="silence-reason" label="Reason" error={error?.fields.reason}>
        <Input name="reason" required minLength={3} maxLength={500} />
      </Field>
      <Field id="silence-minutes" label="For how many minutes" error={error?.fields.durationMinutes}>
        <Input name="minutes" type="number" min={1} max={43200} defaultValue={60} required />
      </Field>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={busy}>
          Silence
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </AlertForm>
  );
}
