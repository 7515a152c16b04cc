"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

import { usePrincipal } from "@/components/auth/access-provider";
import { useToast } from "@/components/ui/toaster";
import { allowedPathPrefix } from "@/lib/auth/describe-scope";
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
import type { Entry } from "@/lib/spire/types";

import { useCreateEntry, useUpdateEntry } from "../use-entry-mutations";
import { useFederationOptions } from "./federates-with-picker";
import { useEntryAccess } from "./use-entry-access";
import { useFormDraft } from "./use-form-draft";

/** What the entry form is opened with: a new entry (maybe prefilled) or an existing one to edit. */
export type EntryFormProps = {
  server: string;
  trustDomain: string;
  /** A local path to go back to after saving or cancelling (e.g. the agent page the user came from). */
  returnTo?: string;
} & ({ mode: "create"; prefill?: Prefill } | { mode: "edit"; entry: Entry; proposedParentId?: string });

function initialValues(props: EntryFormProps, td: string, scopePath: string): EntryFormValues {
  if (props.mode === "create") {
    const values = emptyFormValues(td, props.prefill);
    return values.path ? values : { ...values, path: scopePath };
  }
  const values = formValuesFromEntry(props.entry, td);
  return props.proposedParentId ? { ...values, parentId: props.proposedParentId, node: false } : values;
}

/**
 * The entry form's state: the values, their errors (checked here and by the server), the entry an
 * edit is based on, a conflict with a newer revision, and submitting (create, or an update of the
 * changed fields only) with a toast and the way back afterwards.
 */
export function useEntryForm(props: EntryFormProps) {
  const { server, trustDomain: td, returnTo } = props;
  const router = useRouter();
  const toast = useToast();
  const [base, setBase] = useState<Entry | null>(props.mode === "edit" ? props.entry : null);
  const principal = usePrincipal();
  // A scoped writer's new entry starts at the first SPIFFE-ID prefix it may write under.
  const [scopePath] = useState(() => (props.mode === "create" ? allowedPathPrefix(principal, server, td) : ""));
  const [values, setValues] = useState<EntryFormValues>(() => initialValues(props, td, scopePath));
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
  const access = useEntryAccess(server, input, base);
  const errors = { ...access.errors, ...validateForm(values, td, ctx, changes ?? undefined), ...serverErrors };
  // The prefilled prefix alone ("/team-a/") is a start, not a mistake: no error until the user types on.
  if (scopePath && values.path === scopePath && !touched) delete errors.spiffeId;

  function set<K extends keyof EntryFormValues>(key: K, value: EntryFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setServerErrors({});
  }

  function onError(error: Error) {
    if (error instanceof StaleEntryClientError) setConflict(error.current);
    else if (error instanceof ApiClientError && error.details.length) setServerErrors(serverFieldErrors(error.details));
  }

  function done(entry: Entry, title: string, description: string) {
    toast({ title, description, link: { href: links.entry(server, entry.id), label: "Open the entry" } });
    router.push(returnTo ?? links.entry(server, entry.id));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    if (!base) {
      create.mutate(compactInput(input), {
        onSuccess: (entry) => done(entry, `Entry created on ${server}`, entry.spiffeId),
        onError,
      });
    } else if (changes && Object.keys(changes).length > 0) {
      update.mutate(
        { revisionNumber: base.revisionNumber, ...changes },
        {
          onSuccess: (entry) => {
            setBase(entry);
            setValues(formValuesFromEntry(entry, td));
            done(
              entry,
              `Saved ${describeChangedFields(Object.keys(changes))}`,
              `${entry.spiffeId} is at revision ${entry.revisionNumber}.`,
            );
          },
          onError,
        },
      );
    }
  }

  /** Leaves the conflict view: with the newer entry's values (`discard`), or keeping the user's edits. */
  function resolveConflict(discard: boolean) {
    if (!conflict) return;
    setBase(conflict);
    if (discard) setValues(formValuesFromEntry(conflict, td));
    setConflict(null);
    update.reset();
  }

  return {
    base,
    values,
    input,
    changes,
    errors,
    touched,
    restored,
    conflict,
    /** What the user's roles cannot set on this entry (admin, downstream), in plain words. */
    limits: access.limits,
    principal: access.principal,
    /** The SPIFFE-ID path a scoped writer's new entry starts with ("" for others). */
    scopePath,
    federation,
    set,
    submit,
    resolveConflict,
    pending: create.isPending || update.isPending,
    failure: create.error ?? update.error,
    /** An error to show only once the user tried to submit (the selector list starts empty). */
    show: (key: string) => (touched || key !== "selectors" ? errors[key] : undefined),
  };
}
