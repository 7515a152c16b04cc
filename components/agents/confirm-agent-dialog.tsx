"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";

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

/** Asks before a destructive agent action, naming the agent. */
export function ConfirmAgentDialog(props: {
  action: AgentAction;
  agentId: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const text = copy[props.action];
  return (
    <ConfirmDialog
      open
      title={text.title}
      confirmLabel={text.confirm}
      busy={props.pending}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p className="break-all rounded bg-slate-100 p-2 font-mono text-xs" data-testid="dialog-agent-id">
        {props.agentId}
      </p>
      <p>{text.body}</p>
      {props.error ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-900">
          {props.error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
