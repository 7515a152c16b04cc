import type { AccessDecision } from "./access-map";
import { can, type EntryScope } from "./can";
import type { Principal } from "./principal";

/** Whether `principal` may change or delete this entry as it is (for showing the entry's controls). */
export function entryWriteAccess(principal: Principal | null, server: string, entry: EntryScope): AccessDecision {
  const decision = can(principal, "entries.write", { server, entries: [entry] });
  return { allowed: decision.allowed, reason: decision.reason };
}
