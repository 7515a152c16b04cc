"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";

import { Button } from "./button";
import { Input } from "./input";

export type ConfirmDialogProps = {
  open: boolean;
  title: string;
  /** The confirm button's label, e.g. "Delete entry". */
  confirmLabel: string;
  /** The confirm button's label while `busy`. */
  busyLabel?: string;
  busy?: boolean;
  /** Red confirm button for actions that destroy something. */
  variant?: "default" | "destructive";
  /** When set, the confirm button stays disabled until this exact text is typed (e.g. the name). */
  typedConfirmation?: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
};

/**
 * An alert dialog on the native modal `<dialog>`: focus is kept inside, Escape cancels, Cancel
 * has the initial focus so a stray Enter never confirms, and focus goes back to the element
 * that opened it when it closes (also when it is unmounted while open).
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, confirmLabel, busyLabel = "Working…", busy, variant = "destructive" } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const id = useId();
  const [typed, setTyped] = useState("");

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const restoreFocus = () => {
      if (opener.current?.isConnected) opener.current.focus();
      opener.current = null;
    };
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      restoreFocus();
    }
    return () => {
      if (!dialog.isConnected) restoreFocus();
    };
  }, [open]);

  const confirmable = props.typedConfirmation === undefined || typed === props.typedConfirmation;
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => setTyped("")}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) props.onCancel();
      }}
      className="m-auto w-[40rem] max-w-[95vw] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <div id={`${id}-body`} className="space-y-3 text-sm text-slate-700">
          {props.children}
        </div>
        {props.typedConfirmation !== undefined ? (
          <div className="text-sm">
            <label htmlFor={`${id}-typed`} className="mb-1 block text-slate-700">
              Type <code className="font-mono font-semibold">{props.typedConfirmation}</code> to confirm
            </label>
            <Input
              id={`${id}-typed`}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
            />
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button autoFocus variant="secondary" onClick={props.onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button
            variant={variant === "destructive" ? "destructive" : "primary"}
            onClick={props.onConfirm}
            disabled={busy || !confirmable}
          >
            {busy ? busyLabel : confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
