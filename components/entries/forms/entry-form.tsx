"use client";

import { compactInput } from "@/lib/entries/form-values";

import { ConflictView } from "./conflict-view";
import { EntryFormFields } from "./entry-form-fields";
import { EntryFormActions, EntryFormNotes } from "./entry-form-notes";
import { EntryPreview } from "./entry-preview";
import { EntryScopeNote } from "./entry-scope-note";
import { type EntryFormProps, useEntryForm } from "./use-entry-form";

/**
 * Creates an entry, or edits one (sending only the changed fields with the revision it was loaded
 * at). Afterwards it says what happened in a toast and goes back to `returnTo`, else to the entry.
 * The state lives in `useEntryForm`; this is the layout.
 */
export function EntryForm(props: EntryFormProps) {
  const form = useEntryForm(props);
  const { server, returnTo } = props;
  const { base, changes } = form;

  if (form.conflict && base) {
    return (
      <ConflictView
        mine={form.input}
        current={form.conflict}
        onDiscard={() => form.resolveConflict(true)}
        onKeepMine={() => form.resolveConflict(false)}
      />
    );
  }

  return (
    <form
      onSubmit={form.submit}
      noValidate
      aria-label={base ? "Edit entry" : "Create entry"}
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]"
    >
      <div className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
        <EntryScopeNote principal={form.principal} server={server} />
        <EntryFormFields server={server} trustDomain={props.trustDomain} form={form} />
        <EntryFormNotes form={form} proposedParent={props.mode === "edit" ? props.proposedParentId : undefined} />
        <EntryFormActions server={server} returnTo={returnTo} form={form} />
      </div>
      {base ? (
        <EntryPreview input={changes ?? {}} showCommand={false} title="Changes to send" />
      ) : (
        <EntryPreview input={compactInput(form.input)} showCommand />
      )}
    </form>
  );
}
