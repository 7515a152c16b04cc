import type { AuditRecord } from "@/lib/store/types";

/** One change as the History tab shows it to someone who may not read the audit log: who (by name), when, what. */
export type EntryChangeView = Pick<
  AuditRecord,
  "id" | "at" | "action" | "outcome" | "error" | "before" | "after" | "target"
> & { actor: { kind: string; name: string } | null };

/**
 * A change without what only the audit log's readers (admins) see: the actor's groups, subject,
 * issuer and token ID, the client address, request and replica IDs and the chain hashes.
 */
export function historyView(record: AuditRecord): EntryChangeView {
  const { id, at, action, outcome, error, before, after, target, actor } = record;
  return {
    id,
    at,
    action,
    outcome,
    error,
    before,
    after,
    target,
    actor: actor && { kind: actor.kind, name: actor.name },
  };
}
