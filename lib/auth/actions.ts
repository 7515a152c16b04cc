/**
 * Everything a route or page can do, named once. Each API route and each page declares one of
 * these; the one authorization check decides whether the signed-in principal may do it.
 */
export const actions = [
  /** Any signed-in principal: who am I, unknown API paths. */
  "session",
  "servers.read",
  "entries.read",
  "entries.write",
  /** The watched entry sets (entries as code) and their drift, of the servers the principal may read. */
  "entrysets.read",
  "agents.read",
  "agents.ban",
  "agents.evict",
  "federation.read",
  "federation.refresh",
  /** Creating, changing and deleting federation relationships (entries-as-code plans that declare them). */
  "federation.write",
  "expiry.read",
  "kubernetes.read",
  "troubleshoot.read",
  /** Reading spire-server pod logs in the troubleshooter (a separate permission). */
  "troubleshoot.logs",
  "tokens.manage",
  "audit.read",
  /** Preparing, activating, tainting and revoking a server's signing authorities (the CA rotation cockpit). */
  "authorities.rotate",
  /** Removing stale entries and agents found by the clean-up (and its dry run). */
  "cleanup.apply",
] as const;

export type Action = (typeof actions)[number];

/** True for actions that change something (they need a mutation-capable role and CSRF checks). */
export function isMutation(action: Action): boolean {
  return (
    action === "entries.write" ||
    action === "agents.ban" ||
    action === "agents.evict" ||
    action === "federation.refresh" ||
    action === "federation.write" ||
    action === "tokens.manage" ||
    action === "authorities.rotate" ||
    action === "cleanup.apply"
  );
}
