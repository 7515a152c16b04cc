"use client";

import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { roles } from "@/lib/auth/roles";
import { createApiToken } from "@/lib/query/api-changes";
import { ApiClientError } from "@/lib/query/fetch-json";

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The form that creates an API token with one role binding (role, optional servers and scopes). */
export function CreateTokenForm({
  servers,
  onCreated,
}: {
  servers: string[];
  onCreated: (name: string, token: string) => void;
}) {
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget; // React clears currentTarget once the handler awaits
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const binding = {
      role: text("role"),
      ...(list(text("servers")).length ? { servers: list(text("servers")) } : {}),
      ...(list(text("prefixes")).length ? { spiffeIdPrefixes: list(text("prefixes")) } : {}),
      ...(list(text("dns")).length ? { dnsSuffixes: list(text("dns")) } : {}),
    };
    const days = text("days");
    setBusy(true);
    setError(null);
    try {
      const created = await createApiToken({
        name: text("name"),
        bindings: [binding],
        ...(days ? { expiresInDays: Number(days) } : {}),
      });
      onCreated(text("name"), created.token);
      formElement.reset();
    } catch (e) {
      const fields = Object.fromEntries(
        (e instanceof ApiClientError ? e.details : []).map((d) => [d.path.replace(/^bindings\.0\./, ""), d.message]),
      );
      setError({ message: (e as Error).message, fields });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => error?.fields[name];

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-labelledby="new-token-title"
      className="grid max-w-3xl gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
    >
      <h2 id="new-token-title" className="text-base font-semibold sm:col-span-2">
        New token
      </h2>
      <Field id="token-name" label="Name" error={fieldError("name")}>
        <Input name="name" required maxLength={100} />
      </Field>
      <Field id="token-role" label="Role">
        <Select name="role" defaultValue="viewer">
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="token-servers" label="Servers (empty: all)" error={fieldError("servers")}>
        <Input name="servers" placeholder={servers.join(", ")} />
      </Field>
      <Field id="token-days" label="Expires in days (empty: 90)" error={fieldError("expiresInDays")}>
        <Input name="days" type="number" min={1} max={3650} />
      </Field>
      <Field id="token-prefixes" label="SPIFFE-ID prefixes (editor, operator)" error={fieldError("spiffeIdPrefixes.0")}>
        <Input name="prefixes" placeholder="spiffe://example.org/team-a/" />
      </Field>
      <Field id="token-dns" label="DNS suffixes (editor, operator)" error={fieldError("dnsSuffixes.0")}>
        <Input name="dns" placeholder="team-a.svc.cluster.local" />
      </Field>
      {error ? (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2">
          {error.message}
        </p>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={busy}>
          Create token
        </Button>
      </div>
    </form>
  );
}
