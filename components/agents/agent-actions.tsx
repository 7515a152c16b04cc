"use client";

import { useState } from "react";

import { useAccess } from "@/components/auth/access-provider";
import { NotAllowed } from "@/components/auth/not-allowed";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { links } from "@/lib/links";

import { ConfirmAgentDialog } from "./confirm-agent-dialog";
import { type AgentAction, useAgentAction } from "./use-agent-actions";

/**
 * Ban and Evict buttons for one agent, each behind a confirmation that names it. Only the actions
 * the user may do are shown; with `explain`, a user who may do neither sees why.
 */
export function AgentActions({
  server,
  agentId,
  banned,
  onDone,
  explain = false,
}: {
  server: string;
  agentId: string;
  banned: boolean;
  onDone?: (action: AgentAction) => void;
  explain?: boolean;
}) {
  const mayBan = useAccess("agents.ban", server);
  const mayEvict = useAccess("agents.evict", server);
  const [pending, setPending] = useState<AgentAction | null>(null);
  const mutation = useAgentAction(server);
  const toast = useToast();
  const close = () => {
    setPending(null);
    mutation.reset();
  };
  if (!mayBan.allowed && !mayEvict.allowed) {
    return explain ? <NotAllowed label="Ban or evict" access={mayEvict} id="agent-actions-not-allowed" /> : null;
  }
  return (
    <div className="flex flex-wrap gap-1">
      {/* Evicting is recoverable (the agent attests again); banning keeps it out until someone evicts it. */}
      {mayEvict.allowed ? (
        <Button size="sm" variant="caution" onClick={() => setPending("evict")}>
          Evict
        </Button>
      ) : null}
      {mayBan.allowed ? (
        <Button size="sm" variant="destructive" disabled={banned} onClick={() => setPending("ban")}>
          Ban
        </Button>
      ) : null}
      {pending ? (
        <ConfirmAgentDialog
          action={pending}
          server={server}
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
                  toast({
                    title: done === "ban" ? `Agent banned on ${server}` : `Agent evicted from ${server}`,
                    description: agentId,
                    link:
                      done === "ban"
                        ? { href: links.agent(server, agentId), label: "Open the agent" }
                        : { href: links.agents(server), label: "Agents" },
                  });
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
