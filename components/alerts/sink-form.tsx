"use client";

import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { sinkTypes } from "@/lib/alerts/types";
import { createAlertSink } from "@/lib/query/api-alerts";

import { AlertForm } from "./form-parts";
import { useAlertChange } from "./use-alert-change";

const typeLabels: Record<(typeof sinkTypes)[number], string> = {
  webhook: "Webhook (JSON, HMAC-SHA256 signed)",
  slack: "Slack-compatible incoming webhook",
  alertmanager: "Alertmanager (v2 API base URL)",
};

/** The form that creates a sink: its URL (and a webhook's signing key) are shown back only shortened. */
export function SinkForm() {
  const { busy, error, run } = useAlertChange();
  const [type, setType] = useState<string>("webhook");
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const secret = String(data.get("secret") ?? "");
    const body = {
      name: String(data.get("name") ?? ""),
      type,
      url: String(data.get("url") ?? ""),
      ...(type === "webhook" && secret ? { secret } : {}),
    };
    if (await run(() => createAlertSink(body))) form.reset();
  }
  const fieldError = (name: string) => error?.fields[name];
  return (
    <AlertForm id="new-sink" title="New sink" error={error} onSubmit={(e) => void submit(e)}>
      <Field id="sink-name" label="Name" error={fieldError("name")}>
        <Input name="name" required maxLength={80} />
      </Field>
      <Field id="sink-type" label="Type">
        <Select name="type" value={type} onChange={(e) => setType(e.target.value)}>
          {sinkTypes.map((t) => (
            <option key={t} value={t}>
              {typeLabels[t]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="sink-url" label="URL" error={fieldError("url")} className="sm:col-span-2">
        <Input name="url" type="url" required placeholder="https://hooks.example.com/services/…" />
      </Field>
      {type === "webhook" ? (
        <Field
          id="sink-secret"
          label="Signing key (optional, at least 16 characters)"
          hint="Each body is signed: X-Spire-Console-Signature: sha256=<hex HMAC-SHA256 of the body>."
          error={fieldError("secret")}
          className="sm:col-span-2"
        >
          <Input name="secret" type="password" autoComplete="off" minLength={16} />
        </Field>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={busy}>
          Create sink
        </Button>
      </div>
    </AlertForm>
  );
}
