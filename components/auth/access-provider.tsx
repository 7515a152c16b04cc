"use client";

import { createContext, type ReactNode, useContext } from "react";

import type { AccessDecision, AccessMap, GuardedAction } from "@/lib/auth/access-map";
import type { Principal } from "@/lib/auth/principal";

const AccessContext = createContext<AccessMap>({});
const PrincipalContext = createContext<Principal | null>(null);

/**
 * Hands the signed-in user's permissions (decided on the server) and their principal (for the checks forms run
 * as the user types, with the server's own rule code) to the controls below.
 */
export function AccessProvider({
  access,
  principal,
  children,
}: {
  access: AccessMap;
  principal?: Principal | null;
  children: ReactNode;
}) {
  return (
    <AccessContext.Provider value={access}>
      <PrincipalContext.Provider value={principal ?? null}>{children}</PrincipalContext.Provider>
    </AccessContext.Provider>
  );
}

/** May the user do `action` on `server`? Deny by default when the server is unknown. */
export function useAccess(action: GuardedAction, server: string): AccessDecision {
  return (
    useContext(AccessContext)[server]?.[action] ?? { allowed: false, reason: "your roles do not cover this server" }
  );
}

/** The signed-in principal (null outside the console): the server still checks every request. */
export function usePrincipal(): Principal | null {
  return useContext(PrincipalContext);
}
