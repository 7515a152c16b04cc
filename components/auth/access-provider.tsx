"use client";

import { createContext, type ReactNode, useContext } from "react";

import type { AccessDecision, AccessMap, GuardedAction } from "@/lib/auth/access-map";

const AccessContext = createContext<AccessMap>({});

/** Hands the signed-in user's permissions (decided on the server) to the controls below. */
export function AccessProvider({ access, children }: { access: AccessMap; children: ReactNode }) {
  return <AccessContext.Provider value={access}>{children}</AccessContext.Provider>;
}

/** May the user do `action` on `server`? Deny by default when the server is unknown. */
export function useAccess(action: GuardedAction, server: string): AccessDecision {
  return (
    useContext(AccessContext)[server]?.[action] ?? { allowed: false, reason: "your roles do not cover this server" }
  );
}
