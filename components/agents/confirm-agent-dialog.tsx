"use client";

import { useEffect, useRef } from "react";

import { Button } from "@/components/ui/button";

import type { AgentAction } from "./use-agent-actions";

const copy: Record<AgentAction, { title: string; body: string; confirm: string }> = {
  ban: {
    title: "Ban this agent?",
    body: "SPIRE stops renewing its SVID and refuses to let it attest again until the agent is evicted.",
    confirm: "Ban agent",
  },
  evict: {
    title: "Evict this agent?",
    body: "SPIRE deletes the agent's record; it must attest again to get an SVID (a join-token agent needs a new token).",
    confirm: "Evict agent",
  },
};

/** A modal that names the agent and asks before a destructive agent action. */
export function ConfirmAgentDialog(props: {
  action: AgentAction;
  agentId: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const text = copy[props.action];
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby="agent-dialog-title"
      aria-describedby="agent-dialog-body"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-3 p-5">
        <h2 id="agent-dialog-title" className="text-base font-semibold">
          {text.title}
        </h2>
        <p className="break-all rounded bg-slate-100 p-2 font-mono text-xs" data-testid="dialog-agent-id">
          {props.agentId}
        </p>
        <p id="agent-dialog-body" className="text-sm text-slate-600">
          {text.body}
        </p>
        {props.error ? (
          <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900">
            {props.error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={props.onCancel} disabled={props.pending}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={props.onConfirm} disabled={props.pending}>
            {props.pending ? "Working…" : text.confirm}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
