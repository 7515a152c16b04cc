"use client";

import Link from "next/link";

import { Button } from "@/components/ui/button";
import { links } from "@/lib/links";
import { StaleEntryClientError } from "@/lib/query/fetch-json";

import type { useEntryForm } from "./use-entry-form";

type Form = ReturnType<typeof useEntryForm>;

/** What the form says below its fields: a form-level error, a failed save, a restored draft, a proposed parent. */
export function EntryFormNotes({ form, proposedParent }: { form: Form; proposedParent?: string }) {
  const { errors, failure, restored, base } = form;
  return (
    <>
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
    </>
  );
}

/** Save (or Create) and Cancel, with the revision and the number of changed fields when editing. */
export function EntryFormActions({ server, returnTo, form }: { server: string; returnTo?: string; form: Form }) {
  const { base, changes, pending } = form;
  const changed = Object.keys(changes ?? {}).length;
  return (
    <div className="flex items-center gap-3">
      <Button type="submit" disabled={pending || (base !== null && changed === 0)}>
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
          Revision {base.revisionNumber} · {changed} field(s) changed
        </span>
      ) : null}
    </div>
  );
}
