"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import { describeChangedFields } from "@/lib/entries/field-labels";
import {
  changedFields,
  compactInput,
  emptyFormValues,
  type EntryFormValues,
  entryToInput,
  type FieldErrors,
  formValuesFromEntry,
  type Prefill,
  serverFieldErrors,
  toEntryInput,
  validateForm,
} from "@/lib/entries/form-values";
import { links } from "@/lib/links";
import { ApiClientError, StaleEntryClientError } from "@/lib/query/fetch-json";
import { serverSpiffeId } from "@/lib/schemas/spiffe-id";
import type { Entry } from "@/lib/spire/types";

import { useCreateEntry, useUpdateEntry } from "../use-entry-mutations";
import { ConflictView } from "./conflict-view";
import { EntryFlagFields } from "./entry-flag-fields";
import { EntryPreview } from "./entry-preview";
import { FederatesWithPicker, useFederationOptions } from "./federates-with-picker";
import { ParentPicker } from "./parent-picker";
import { SelectorBuilder } from "./selector-builder";
import { SpiffeIdField } from "./spiffe-id-field";
import { TtlInput } from "./ttl-input";
import { useFormDraft } from "./use-form-draft";

type Props = {
  server: string;
  trustDomain: string;
  /** A local path to go back to after saving or cancelling (e.g. the agent page the user came from). */
  returnTo?: string;
} & ({ mode: "create"; prefill?: Prefill } | { mode: "edit"; entry: Entry; proposedParentId?: string });

function initialValues(props: Props, td: string): EntryFormValues {
  if (props.mode === "create") return emptyFormValues(td, props.prefill);
  const values = formValuesFromEntry(props.entry, td);
  return props.proposedParentId ? { ...values, parentId: props.proposedParentId, node: false } : values;
}

/**
 * Creates an entry, or edits one (sending only the changed fields with the revision it was loaded
 * at). Afterwards it says what happened in a toast and goes back to `returnTo`, else to the entry.
 */
export function EntryForm(props: Props) {
  const { server, trustDomain: td, returnTo } = props;
  const router = useRouter();
  const toast = useToast();
  const [base, setBase] = useState<Entry | null>(props.mode === "edit" ? props.entry : null);
  const [values, setValues] = useState<EntryFormValues>(() => initialValues(props, td));
  const proposedParent = props.mode === "edit" ? props.proposedParentId : undefined;
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<Entry | null>(null);
  const restored = useFormDraft(`${server}:${props.mode === "edit" ? props.entry.id : "new"}`, values, setValues);
  const federation = useFederationOptions(server);
  const create = useCreateEntry(server);
  const update = useUpdateEntry(server, base?.id ?? "");

  const input = toEntryInput(values, td);
  const changes = base ? changedFields(entryToInput(base), input) : null;
  const ctx = { trustDomain: td, federatedTrustDomains: federation.data };
  const errors = { ...validateForm(values, td, ctx, changes ?? undefined), ...serverErrors };
  const show = (key: string) => (touched || key !== "selectors" ? errors[key] : undefined);
  const pending = create.isPending || update.isPending;
  const failure = create.error ?? update.error;

  function set<K extends keyof EntryFormValues>(key: K, value: EntryFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setServerErrors({});
  }

  function onError(error: Error) {
    if (error instanceof StaleEntryClientError) setConflict(error.current);
    else if (error instanceof ApiClientError && error.details.length) setServerErrors(serverFieldErrors(error.details));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    if (!base) {
      create.mutate(compactInput(input), {
        onSuccess: (entry) => {
          toast({
            title: `Entry created on ${server}`,
            description: entry.spiffeId,
            link: { href: links.entry(server, entry.id), label: "Open the entry" },
          });
          router.push(returnTo ?? links.entry(server, entry.id));
        },
        onError,
      });
    } else if (changes && Object.keys(changes).length > 0) {
      update.mutate(
        { revisionNumber: base.revisionNumber, ...changes },
        {
          onSuccess: (entry) => {
            setBase(entry);
            setValues(formValuesFromEntry(entry, td));
            toast({
              title: `Saved ${describeChangedFields(Object.keys(changes))}`,
              description: `${entry.spiffeId} is at revision ${entry.revisionNumber}.`,
              link: { href: links.entry(server, entry.id), label: "Open the entry" },
            });
            router.push(returnTo ?? links.entry(server, entry.id));
          },
          onError,
        },
      );
    }
  }

  if (conflict && base) {
    return (
      <ConflictView
        mine={input}
        current={conflict}
        onDiscard={() => {
          setBase(conflict);
          setValues(formValuesFromEntry(conflict, td));
          setConflict(null);
          update.reset();
        }}
        onKeepMine={() => {
          setBase(conflict);
          setConflict(null);
          update.reset();
        }}
      />
    );
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={base ? "Edit entry" : "Create entry"}
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]"
    >
      <div className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
        <SpiffeIdField
          trustDomain={td}
          path={values.path}
          error={values.path || touched ? errors.spiffeId : undefined}
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
          listError={show("selectors")}
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
        <EntryFlagFields values={values} errors={errors} set={set} />
        {errors.form ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.form}
          </p>
        ) : null}
        {failure && !(failure instanceof StaleEntryClientError) ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            {failure.message}
          </p>
        ) : null}
        {restored ? (
          <p role="status" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
            Your unsaved changes from before you signed in again are back; check them and save.
          </p>
        ) : null}
        {proposedParent && base && proposedParent !== base.parentId ? (
          <p
            role="status"
            data-testid="proposed-parent"
            className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm break-words text-sky-900"
          >
            Proposed new parent: <span className="font-mono">{proposedParent}</span> (now{" "}
            <span className="font-mono">{base.parentId}</span>). Check the changes and save to move this entry.
          </p>
        ) : null}
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending || (base !== null && Object.keys(changes ?? {}).length === 0)}>
            {pending ? "Saving…" : base ? "Save changes" : "Create entry"}
          </Button>
          <Link
            href={returnTo ?? (base ? links.entry(server, base.id) : links.entries(server))}
            className="text-sm text-slate-600 underline"
          >
            Cancel
          </Link>
          {base ? (
            <span className="text-xs text-slate-500">
              Revision {base.revisionNumber} · {Object.keys(changes ?? {}).length} field(s) changed
            </span>
          ) : null}
        </div>
      </div>
      {base ? (
        <EntryPreview input={changes ?? {}} showCommand={false} title="Changes to send" />
      ) : (
        <EntryPreview input={compactInput(input)} showCommand />
      )}
    </form>
  );
}
