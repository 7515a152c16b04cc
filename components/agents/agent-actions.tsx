"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";

import { ConfirmAgentDialog } from "./confirm-agent-dialog";
import { type AgentAction, useAgentAction } from "./use-agent-actions";

/** Ban and Evict buttons for one agent, each behind a confirmation that names it. */
export function AgentActions({
  server,
  agentId,
  banned,
  onDone,
}: {
  server: string;
  agentId: string;
  banned: boolean;
  onDone?: (action: AgentAction) => void;
}) {
  const [pending, setPending] = useState<AgentAction | null>(null);
  const mutation = useAgentAction(server);
  const close = () => {
    setPending(null);
    mutation.reset();
  };
  return (
    <div className="flex gap-1">
      <Button size="sm" variant="secondary" disabled={banned} onClick={() => setPending("ban")}>
        Ban
      </Button>
      <Button size="sm" variant="destructive" onClick={() => setPending("evict")}>
        Evict
      </Button>
      {pending ? (
        <ConfirmAgentDialog
          action={pending}
          agentId={agentId}
          pending={mutation.isPending}
          error={mutation.error?.message ?? null}
          onCancel={close}
          onConfirm={() =>
            mutation.mutate(
              { action: pending, id: agentId },
              {
                onSuccess: () => {
                  const done = pending;
                  close();
                  onDone?.(done);
                },
              },
            )
          }
        />
      ) : null}
    </div>
  );
}
