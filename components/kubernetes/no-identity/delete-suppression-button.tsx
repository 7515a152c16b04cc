"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteSuppression } from "@/lib/query/api-no-identity";

import { useSuppressionChange } from "./use-suppression-change";

/** Deletes one suppression rule after a confirmation: its pods show in the list again. */
export function DeleteSuppressionButton({ id, label, hidden }: { id: string; label: string; hidden: number }) {
  const [open, setOpen] = useState(false);
  const { busy, error, run } = useSuppressionChange();
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Delete rule ${label}`}>
        Delete
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error.message}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        title={`Delete rule ${label}?`}
        confirmLabel="Delete rule"
        busyLabel="Deleting…"
        busy={busy}
        onCancel={() => setOpen(false)}
        onConfirm={() => void run(() => deleteSuppression(id)).then(() => setOpen(false))}
      >
        {hidden === 1 ? "1 pod it hides shows" : `${hidden} pods it hides show`} in the list again. The deletion is
        recorded in the audit log.
      </ConfirmDialog>
    </>
  );
}
