import "server-only";

import type { AuditRepository, ConsoleStore } from "@/lib/store/types";

import { type AuditSink, currentAuditSink } from "./sink/audit-sink";

/**
 * The store with every audit record it appends (a prune's own record included) and every signed
 * checkpoint also written to the configured audit sink, once the database has them (so each line
 * carries the record's place in the chain and its hash).
 */
export function withAuditCopies(store: ConsoleStore, sinkOf: () => AuditSink | null = currentAuditSink): ConsoleStore {
  const inner = store.audit;
  const audit: AuditRepository = {
    ...inner,
    async append(records) {
      const stored = await inner.append(records);
      sinkOf()?.records(stored);
      return stored;
    },
    async pruneOlderThan(cutoff, describe) {
      const prune = await inner.pruneOlderThan(cutoff, describe);
      sinkOf()?.records([prune.record]);
      return prune;
    },
    async addCheckpoint(checkpoint) {
      await inner.addCheckpoint(checkpoint);
      sinkOf()?.checkpoint(checkpoint);
    },
  };
  return { ...store, audit };
}
