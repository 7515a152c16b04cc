"use client";

import { useEffect, useId, useRef, useState } from "react";

import { useAccess } from "@/components/auth/access-provider";
import { Button } from "@/components/ui/button";

import { useAgentActionDialog } from "./use-agent-action-dialog";

/**
 * The row's actions behind one button: Ban and Evict (each behind a confirmation that names the
 * agent). The menu stays open while a dialog is, so focus returns to the item that opened it.
 */
export function AgentRowMenu({ server, agentId, banned }: { server: string; agentId: string; banned: boolean }) {
  const mayBan = useAccess("agents.ban", server);
  const mayEvict = useAccess("agents.evict", server);
  const [open, setOpen] = useState(false);
  const { pending, ask, dialog } = useAgentActionDialog(server, agentId, () => setOpen(false));
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
            <Button size="sm" variant="destructive" disabled={banned} onClick={() => ask("ban")}>
              Ban
            </Button>
          ) : null}
          {mayEvict.allowed ? (
            <Button size="sm" variant="caution" onClick={() => ask("evict")}>
              Evict
            </Button>
          ) : null}
        </div>
      ) : null}
      {dialog}
    </div>
  );
}
