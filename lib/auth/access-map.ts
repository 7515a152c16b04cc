import type { Action } from "./actions";
import { can } from "./can";
import type { Principal } from "./principal";

/** The actions the UI shows or hides controls for. */
export const guardedActions = [
  "entries.write",
  "agents.ban",
  "agents.evict",
  "federation.refresh",
  "tokens.manage",
  "authorities.rotate",
  "cleanup.preview",
  "cleanup.apply",
] as const satisfies readonly Action[];
export type GuardedAction = (typeof guardedActions)[number];

/** Whether a control may be used, and if not, why (shown beside the disabled control). */
export type AccessDecision = { allowed: boolean; reason: string };

/** Per server, what the principal may do of the guarded actions (scopes below a server are checked on use). */
export type AccessMap = Record<string, Record<GuardedAction, AccessDecision>>;

/** Decides every guarded action on every server for the UI; the server still checks each request. */
export function buildAccessMap(principal: Principal | null, servers: readonly string[]): AccessMap {
  return Object.fromEntries(
    servers.map((server) => [
      server,
      Object.fromEntries(
        guardedActions.map((action) => {
          const decision = can(principal, action, { server });
          return [action, { allowed: decision.allowed, reason: decision.reason }];
        }),
      ) as Record<GuardedAction, AccessDecision>,
    ]),
  );
}
