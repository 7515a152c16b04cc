"use client";

import { useAccess } from "@/components/auth/access-provider";
import { NotAllowed } from "@/components/auth/not-allowed";
import { Button } from "@/components/ui/button";

import { useAgentActionDialog } from "./use-agent-action-dialog";
import type { AgentAction } from "./use-agent-actions";

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
  const { ask, dialog } = useAgentActionDialog(server, agentId, onDone);
  if (!mayBan.allowed && !mayEvict.allowed) {
    return explain ? <NotAllowed label="Ban or evict" access={mayEvict} id="agent-actions-not-allowed" /> : null;
  }
  return (
    <div className="flex flex-wrap gap-1">
      {/* Evicting is recoverable (the agent attests again); banning keeps it out until someone evicts it. */}
      {mayEvict.allowed ? (
        <Button size="sm" variant="caution" onClick={() => ask("evict")}>
          Evict
        </Button>
      ) : null}
      {mayBan.allowed ? (
        <Button size="sm" variant="destructive" disabled={banned} onClick={() => ask("ban")}>
          Ban
        </Button>
      ) : null}
      {dialog}
    </div>
  );
}
