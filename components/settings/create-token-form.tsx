"use client";

import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { roles } from "@/lib/auth/roles";
import { createApiToken } from "@/lib/query/api-changes";
import { ApiClientError } from "@/lib/query/fetch-json";
import { checkTokenBody, fieldErrors, tokenBodyFromForm } from "@/lib/tokens/token-form-body";

/** The form that creates an API token with one role binding (role, optional servers, scopes and entry bounds). */
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
    const body = tokenBodyFromForm(new FormData(formElement));
    // The route's own schema, checked here first so each mistake shows next to its field at once.
    const issues = checkTokenBody(body);
    if (issues.length) {
      setError({ message: "Check the marked fields.", fields: fieldErrors(issues) });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createApiToken(body);
      onCreated(body.name, created.token);
      formElement.reset();
    } catch (e) {
      setError({ message: (e as Error).message, fields: fieldErrors(e instanceof ApiClientError ? e.details : []) });
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
      <Field id="token-prefixes" label="SPIFFE-ID prefixes (editor, operator)" error={fieldError("spiffeIdPrefixes")}>
        <Input name="prefixes" placeholder="spiffe://example.org/team-a/" />
      </Field>
      <Field id="token-dns" label="DNS suffixes (editor, operator)" error={fieldError("dnsSuffixes")}>
        <Input name="dns" placeholder="team-a.svc.cluster.local" />
      </Field>
      <p className="text-xs text-slate-600 sm:col-span-2">
        Entry bounds (editor, operator): a bound left empty allows nothing beyond the server default.
      </p>
      <Field id="token-parents" label="Parent ID prefixes" error={fieldError("parentIdPrefixes")}>
        <Input name="parents" placeholder="spiffe://example.org/spire/agent/k8s_psat/prod/" />
      </Field>
      <Field id="token-selectors" label="Selector prefixes" error={fieldError("selectorPrefixes")}>
        <Input name="selectors" placeholder="k8s:ns:team-a" />
      </Field>
      <Field id="token-x509-ttl" label="Max X509-SVID TTL (seconds)" error={fieldError("maxX509SvidTtl")}>
        <Input name="x509Ttl" type="number" min={0} />
      </Field>
      <Field id="token-jwt-ttl" label="Max JWT-SVID TTL (seconds)" error={fieldError("maxJwtSvidTtl")}>
        <Input name="jwtTtl" type="number" min={0} />
      </Field>
      <Field id="token-federates" label="May federate with" error={fieldError("federatesWith")}>
        <Input name="federatesWith" placeholder="partner.example.com" />
      </Field>
      <label className="flex items-center gap-2 self-end text-sm text-slate-700">
        <input type="checkbox" name="storeSvid" className="accent-sky-700" />
        May set storeSvid
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
