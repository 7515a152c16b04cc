"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { Entry } from "@/lib/spire/types";

import { useDeleteEntry } from "../use-entry-mutations";
import { BlastRadiusView } from "./blast-radius-view";
import { useBlastRadius } from "./use-blast-radius";

type Props = { server: string; entry: Entry; open: boolean; onClose: () => void; onDeleted: () => void };

/** Confirms deleting one entry after showing what it affects. */
export function DeleteEntryDialog({ server, entry, open, onClose, onDeleted }: Props) {
  const radius = useBlastRadius(server, entry, open);
  const remove = useDeleteEntry(server);
  return (
    <ConfirmDialog
      open={open}
      title="Delete this entry?"
      confirmLabel="Delete entry"
      busyLabel="Deleting…"
      busy={remove.isPending}
      onCancel={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() => remove.mutate(entry.id, { onSuccess: onDeleted })}
    >
      <p>
        <span className="font-mono text-xs">{entry.spiffeId}</span>
        <br />
        <span className="text-xs text-slate-600">
          ID {entry.id} · parent {entry.parentId}
        </span>
      </p>
      {radius.isPending ? <p role="status">Working out what this affects…</p> : null}
      {radius.isError ? <p role="alert">Could not work out what this affects: {radius.error.message}</p> : null}
      {radius.data ? <BlastRadiusView radius={radius.data} /> : null}
      {remove.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-900">
          {remove.error.message}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
