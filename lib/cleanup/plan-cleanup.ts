import type { Agent, Entry } from "@/lib/spire/types";

import type { CleanupCall, CleanupRow, CleanupTarget, Finding } from "./cleanup-types";

/** Parses a selection key (`entry:<id>` / `agent:<spiffe id>`), or null. */
export function parseKey(key: string): CleanupTarget | null {
  const at = key.indexOf(":");
  const type = key.slice(0, at);
  const id = key.slice(at + 1);
  return (type === "entry" || type === "agent") && id ? { type, id } : null;
}

/**
 * The rows of a selection against fresh findings: a selected item that is still stale is sent; one
 * that no longer exists is sent too, so SPIRE reports it per row (deleted meanwhile); one that
 * exists but is no longer stale is skipped with the reason. Calls are exactly what will be sent:
 * one BatchDeleteEntry for every entry and one DeleteAgent per agent (SPIRE has no batch for agents).
 */
export function planCleanup(
  keys: readonly string[],
  findings: readonly Finding[],
  entries: ReadonlyMap<string, Entry>,
  agents: ReadonlyMap<string, Agent>,
): { rows: CleanupRow[]; calls: CleanupCall[] } {
  const byKey = new Map(findings.map((f) => [f.key, f]));
  const rows: CleanupRow[] = keys.map((key) => {
    const target = parseKey(key)!;
    const finding = byKey.get(key);
    if (finding) return { key, target, spiffeId: finding.spiffeId, plan: "send", reason: finding.reasons[0]! };
    const current = target.type === "entry" ? entries.get(target.id) : agents.get(target.id);
    if (!current) {
      const reason = "It no longer exists; it is sent anyway so SPIRE reports what happened to it.";
      return { key, target, spiffeId: target.type === "agent" ? target.id : null, plan: "send", reason };
    }
    return {
      key,
      target,
      spiffeId: current.spiffeId,
      plan: "skip",
      reason: "It is no longer stale, so it is left alone.",
    };
  });
  const entryIds = rows.filter((r) => r.plan === "send" && r.target.type === "entry").map((r) => r.target.id);
  const calls: CleanupCall[] = [
    ...(entryIds.length ? [{ rpc: "BatchDeleteEntry" as const, ids: entryIds }] : []),
    ...rows
      .filter((r) => r.plan === "send" && r.target.type === "agent")
      .map((r) => ({ rpc: "DeleteAgent" as const, id: r.target.id })),
  ];
  return { rows, calls };
}
