import "server-only";

import { grpcCodeName, k8sOperation } from "./call-labels";
import { consoleMetrics } from "./registry";

const seconds = (startedAt: number) => (performance.now() - startedAt) / 1000;

/**
 * Counts one call to a SPIRE server's admin API (`method` like "entry/listEntries"), timed from `startedAt`
 * (performance.now()).
 */
export function observeSpireCall(server: string, method: string, code: number | undefined, startedAt: number): void {
  const m = consoleMetrics();
  m.spireCalls.inc({ server, method, code: grpcCodeName(code) });
  m.spireDuration.observe({ server, method }, seconds(startedAt));
}

/** Counts one Kubernetes API call; `code` is "ok" or the console's error code. */
export function observeK8sCall(what: string, code: string, startedAt: number): void {
  const operation = k8sOperation(what);
  const m = consoleMetrics();
  m.k8sCalls.inc({ operation, code });
  m.k8sDuration.observe({ operation }, seconds(startedAt));
}

/** Records a finished walk of a server's entries and agents (the entry index). */
export function observeEntryIndexWalk(server: string, walkMs: number, entries: number, agents: number): void {
  const m = consoleMetrics();
  m.walkDuration.observe({ server }, walkMs / 1000);
  m.indexEntries.set({ server }, entries);
  m.indexAgents.set({ server }, agents);
}

/** Sets the size of a server's entry index after it was patched in place (no walk). */
export function setEntryIndexSize(server: string, entries: number, agents: number): void {
  const m = consoleMetrics();
  m.indexEntries.set({ server }, entries);
  m.indexAgents.set({ server }, agents);
}

/** Counts a finished OIDC sign-in. */
export function recordSignIn(outcome: "success" | "failure"): void {
  consoleMetrics().signIns.inc({ outcome });
}

/** Counts a request the authorization check refused, by the action it asked for. */
export function recordDenial(action: string): void {
  consoleMetrics().denials.inc({ action });
}

/** Counts an audit record that could not be written (the audit log calls it). */
export function recordAuditWriteFailure(): void {
  consoleMetrics().auditWriteFailures.inc();
}

/** Counts audit lines the audit sink (`stdout`, `file`, `syslog`) could not take. */
export function recordAuditSinkFailure(sink: string, lines = 1): void {
  consoleMetrics().auditSinkFailures.inc({ sink }, lines);
}

/** Sets a watched entry set's drift gauges after a plan (`drift` null: the plan failed, the drift is unknown). */
export function setEntrySetDrift(set: string, server: string, drift: Record<string, number> | null): void {
  const m = consoleMetrics();
  m.entrySetUp.set({ set, server }, drift ? 1 : 0);
  m.entrySetLastRun.set({ set, server }, Math.floor(Date.now() / 1000));
  for (const [kind, value] of Object.entries(drift ?? {})) m.entrySetDrift.set({ set, server, kind }, value);
}

/** Counts one autoApply of a watched entry set ("applied", "failed" or "refused"). */
export function countEntrySetAutoApply(set: string, server: string, outcome: string): void {
  consoleMetrics().entrySetAutoApplies.inc({ set, server, outcome });
}
