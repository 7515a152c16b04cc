"use client";

import { Field, Input } from "@/components/ui/input";
import { serverSpiffeId } from "@/lib/schemas/spiffe-id";

import { EntryFlagFields } from "./entry-flag-fields";
import { FederatesWithPicker } from "./federates-with-picker";
import { ParentPicker } from "./parent-picker";
import { SelectorBuilder } from "./selector-builder";
import { SpiffeIdField } from "./spiffe-id-field";
import { TtlInput } from "./ttl-input";
import type { useEntryForm } from "./use-entry-form";

/** Every field of the entry form, with its error (some only once the user tried to submit). */
export function EntryFormFields({
  server,
  trustDomain: td,
  form,
}: {
  server: string;
  trustDomain: string;
  form: ReturnType<typeof useEntryForm>;
}) {
  const { values, errors, touched, set, federation } = form;
  return (
    <>
      <SpiffeIdField
        trustDomain={td}
        path={values.path}
        error={values.path || touched ? errors.spiffeId : undefined}
        placeholder={`${form.scopePath || "/ns/payments/sa/"}api`}
        onChange={(p) => set("path", p)}
      />
      <ParentPicker
        server={server}
        serverId={serverSpiffeId(td)}
        value={values.parentId}
        node={values.node}
        error={values.parentId || touched ? errors.parentId : undefined}
        onChange={(p) => set("parentId", p)}
        onNodeChange={(n) => set("node", n)}
      />
      <SelectorBuilder
        rows={values.selectors}
        errors={errors}
        listError={form.show("selectors")}
        onChange={(rows) => set("selectors", rows)}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <TtlInput
          id="entry-x509-ttl"
          label="X.509-SVID TTL"
          value={values.x509Ttl}
          error={errors.x509SvidTtl}
          onChange={(v) => set("x509Ttl", v)}
        />
        <TtlInput
          id="entry-jwt-ttl"
          label="JWT-SVID TTL"
          value={values.jwtTtl}
          error={errors.jwtSvidTtl}
          onChange={(v) => set("jwtTtl", v)}
        />
      </div>
      <Field
        id="entry-dns"
        label="DNS names"
        error={errors.dnsNames}
        hint="Separated by spaces or commas; the first is the X.509-SVID's common name."
      >
        <Input value={values.dnsNames} onChange={(e) => set("dnsNames", e.target.value)} className="font-mono" />
      </Field>
      <FederatesWithPicker
        options={federation.data}
        loading={federation.isPending}
        value={values.federatesWith}
        error={errors.federatesWith}
        onChange={(v) => set("federatesWith", v)}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          id="entry-hint"
          label="Hint"
          error={errors.hint}
          hint="Tells workloads apart when several entries give the same SPIFFE ID."
        >
          <Input value={values.hint} onChange={(e) => set("hint", e.target.value)} />
        </Field>
        <Field
          id="entry-expires"
          label="Entry expiry (UTC)"
          error={errors.expiresAt}
          hint="Empty = never. SPIRE deletes the entry after this time."
        >
          <Input type="datetime-local" value={values.expiresAt} onChange={(e) => set("expiresAt", e.target.value)} />
        </Field>
      </div>
      <EntryFlagFields values={values} errors={errors} limits={form.limits} set={set} />
    </>
  );
}
