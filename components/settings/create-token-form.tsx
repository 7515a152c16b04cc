"use client";

import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";
import { roles } from "@/lib/auth/roles";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";

const inputClass = "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";
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
    const form = new FormData(event.currentTarget);
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
      const created = await fetchJson<{ token: string }>("/api/tokens", {
        method: "POST",
        body: { name: text("name"), bindings: [binding], ...(days ? { expiresInDays: Number(days) } : {}) },
      });
      onCreated(text("name"), created.token);
      event.currentTarget.reset();
    } catch (e) {
      const fields = Object.fromEntries(
        (e instanceof ApiClientError ? e.details : []).map((d) => [d.path.replace(/^bindings\.0\./, ""), d.message]),
      );
      setError({ message: (e as Error).message, fields });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) =>
    error?.fields[name] ? (
      <span id={`${name}-error`} className="text-xs text-red-700">
        {error.fields[name]}
      </span>
    ) : null;

  return (
    <form
      onSubmit={(event) => void submit(event)}
      className="grid max-w-3xl gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
    >
      <h2 className="text-base font-semibold sm:col-span-2">New token</h2>
      <label className="flex flex-col gap-1 text-sm">
        Name
        <input name="name" required maxLength={100} className={inputClass} aria-invalid={Boolean(error?.fields.name)} />
        {fieldError("name")}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Role
        <select name="role" defaultValue="viewer" className={inputClass}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Servers (empty: all)
        <input name="servers" placeholder={servers.join(", ")} className={inputClass} />
        {fieldError("servers")}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Expires in days (empty: never)
        <input name="days" type="number" min={1} max={3650} className={inputClass} />
        {fieldError("expiresInDays")}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        SPIFFE-ID prefixes (editor, operator)
        <input name="prefixes" placeholder="spiffe://example.org/team-a/" className={inputClass} />
        {fieldError("spiffeIdPrefixes.0")}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        DNS suffixes (editor, operator)
        <input name="dns" placeholder="team-a.svc.cluster.local" className={inputClass} />
      </label>
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
