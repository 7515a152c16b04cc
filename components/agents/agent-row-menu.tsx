"use client";

import { useEffect, useId, useRef, useState } from "react";

import { useAccess } from "@/components/auth/access-provider";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { links } from "@/lib/links";

import { ConfirmAgentDialog } from "./confirm-agent-dialog";
import { type AgentAction, useAgentAction } from "./use-agent-actions";

/**
 * The row's actions behind one button: Ban and Evict (each behind a confirmation that names the
 * agent). The menu stays open while a dialog is, so focus returns to the item that opened it.
 */
export function AgentRowMenu({ server, agentId, banned }: { server: string; agentId: string; banned: boolean }) {
  const mayBan = useAccess("agents.ban", server);
  const mayEvict = useAccess("agents.evict", server);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<AgentAction | null>(null);
  const mutation = useAgentAction(server);
  const toast = useToast();
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open || pending) return;
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open, pending]);
  if (!mayBan.allowed && !mayEvict.allowed) return null;
  const done = () => {
    setPending(null);
    mutation.reset();
  };
  return (
    <div ref={root} className="relative" onKeyDown={(e) => e.key === "Escape" && !pending && setOpen(false)}>
      <Button
        size="sm"
        variant="ghost"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        Actions<span className="sr-only"> for {agentId}</span>
      </Button>
      {open ? (
        <div
          id={menuId}
          className="absolute right-0 z-20 mt-1 flex w-32 flex-col gap-1 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {mayBan.allowed ? (
            <Button size="sm" variant="destructive" disabled={banned} onClick={() => setPending("ban")}>
              Ban
            </Button>
          ) : null}
          {mayEvict.allowed ? (
            <Button size="sm" variant="caution" onClick={() => setPending("evict")}>
              Evict
            </Button>
          ) : null}
        </div>
      ) : null}
      {pending ? (
        <ConfirmAgentDialog
          action={pending}
          server={server}
          agentId={agentId}
          pending={mutation.isPending}
          error={mutation.error?.message ?? null}
          onCancel={done}
          onConfirm={() => {
            const action = pending;
            // A promise, not mutate's callbacks: an evicted agent's row (this menu) unmounts when the list refreshes.
            mutation.mutateAsync({ action, id: agentId }).then(
              () => {
                done();
                setOpen(false);
                toast({
                  title: action === "ban" ? `Agent banned on ${server}` : `Agent evicted from ${server}`,
                  description: agentId,
                  link:
                    action === "ban"
                      ? { href: links.agent(server, agentId), label: "Open the agent" }
                      : { href: links.agents(server), label: "Agents" },
                });
              },
              () => undefined, // shown in the dialog from mutation.error
            );
          }}
        />
      ) : null}
    </div>
  );
}
