"use client";

import { type ReactNode, useState } from "react";

import { useToast } from "@/components/ui/toaster";
import { links } from "@/lib/links";

import { ConfirmAgentDialog } from "./confirm-agent-dialog";
import { type AgentAction, useAgentAction } from "./use-agent-actions";

/**
 * Ban or evict one agent behind a confirmation that names it, then a toast saying what happened.
 * `ask(action)` opens the dialog; render `dialog` where it belongs. `onDone` runs after success.
 */
export function useAgentActionDialog(
  server: string,
  agentId: string,
  onDone?: (action: AgentAction) => void,
): { pending: AgentAction | null; ask: (action: AgentAction) => void; dialog: ReactNode } {
  const [pending, setPending] = useState<AgentAction | null>(null);
  const mutation = useAgentAction(server);
  const toast = useToast();
  const close = () => {
    setPending(null);
    mutation.reset();
  };
  // mutateAsync, not mutate's own callbacks: those are skipped when the caller unmounts first, which
  // an evicted agent's row does as soon as the refreshed list no longer has it.
  const confirm = async (action: AgentAction) => {
    try {
      await mutation.mutateAsync({ action, id: agentId });
    } catch {
      return; // the dialog shows mutation.error
    }
    close();
    toast({
      title: action === "ban" ? `Agent banned on ${server}` : `Agent evicted from ${server}`,
      description: agentId,
      link:
        action === "ban"
          ? { href: links.agent(server, agentId), label: "Open the agent" }
          : { href: links.agents(server), label: "Agents" },
    });
    onDone?.(action);
  };
  const dialog = pending ? (
    <ConfirmAgentDialog
      action={pending}
      server={server}
      agentId={agentId}
      pending={mutation.isPending}
      error={mutation.error?.message ?? null}
      onCancel={close}
      onConfirm={() => void confirm(pending)}
    />
  ) : null;
  return { pending, ask: setPending, dialog };
}
