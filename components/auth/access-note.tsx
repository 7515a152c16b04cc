"use client";

import type { GuardedAction } from "@/lib/auth/access-map";

import { useAccess } from "./access-provider";

/** One line saying what the user may not do on this page, and why (instead of a disabled button per row). */
export function AccessNote({ server, action, what }: { server: string; action: GuardedAction; what: string }) {
  const access = useAccess(action, server);
  if (access.allowed) return null;
  return (
    <p className="text-sm text-slate-600" data-testid="access-note">
      You may not {what} on {server}: {access.reason}.
    </p>
  );
}
