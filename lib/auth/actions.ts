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
  /** Seeing what a clean-up would send and affect (its dry run), which changes nothing: a read. */
  "cleanup.preview",
  /** Removing stale entries and agents found by the clean-up. */
  "cleanup.apply",
  /** Seeing the alert rules, sinks (secrets shortened), silences, firing alerts and the delivery log. */
  "alerts.read",
  /** Creating, changing and deleting alert rules, sinks and silences, and sending a test. */
  "alerts.write",
  /** Adding and removing the rules that hide pods from the list of workloads with no identity. */
  "kubernetes.suppress",
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
    action === "cleanup.apply" ||
    action === "alerts.write" ||
    action === "kubernetes.suppress"
  );
}

/** Each action in plain words ("you may not …"), for reasons shown to people: never the permission ID. */
export const actionWords: Record<Action, string> = {
  session: "use the console",
  "servers.read": "see this server",
  "entries.read": "read entries",
  "entries.write": "create, change or delete entries",
  "entrysets.read": "read the watched entry sets",
  "agents.read": "read agents",
  "agents.ban": "ban agents",
  "agents.evict": "evict agents",
  "federation.read": "read federation",
  "federation.refresh": "refresh federated bundles",
  "federation.write": "change federation relationships",
  "expiry.read": "read expiry",
  "kubernetes.read": "read Kubernetes",
  "troubleshoot.read": "use the troubleshooter",
  "troubleshoot.logs": "read SPIRE server logs",
  "tokens.manage": "manage API tokens",
  "audit.read": "read the audit log",
  "authorities.rotate": "rotate signing authorities",
  "cleanup.preview": "preview a clean-up",
  "cleanup.apply": "clean up stale entries and agents",
  "alerts.read": "read alerts",
  "alerts.write": "change alert rules, sinks and silences",
  "kubernetes.suppress": "change the no-identity suppression rules",
};
