import "server-only";

import { getStore } from "@/lib/auth/console-store";
import type { AuditRecord } from "@/lib/store/types";

import type { StepDone, StepId } from "./rotation-types";

/** The audit action of a rotation step (`authority.prepare`, …) and the target type of a kind. */
export const stepAction = (step: StepId) => `authority.${step}`;
export const authorityTargetType = (kind: string) => `${kind}-authority`;

/** What the console records after activating or tainting an X.509 authority. */
export type StepRecordAfter = { authority?: unknown; agentSerials?: Record<string, string> };

/**
 * The console's last successful `step` on authority `id` of `server`, from the audit log; null when
 * the step was not done through this console (or the record is past retention, or the log is down).
 */
export async function lastStepRecord(
  server: string,
  kind: string,
  step: StepId,
  id: string | null | undefined,
): Promise<AuditRecord | null> {
  if (!id) return null;
  try {
    const store = await getStore();
    const [record] = await store.audit.list(
      {
        server,
        action: stepAction(step),
        targetType: authorityTargetType(kind),
        targetId: id,
        outcome: "ok",
        phases: ["result"],
      },
      { limit: 1 },
    );
    return record ?? null;
  } catch (error) {
    console.error("[authorities] cannot read the audit log for rotation times", error);
    return null;
  }
}

/** The agent serials a step's record kept, if any. */
export function agentSerialsOf(record: AuditRecord | null): Record<string, string> | null {
  const after = record?.after as StepRecordAfter | null | undefined;
  return after?.agentSerials ?? null;
}

/** Who did each step and when, from the console's records (steps without one are left out). */
export function stepRecords(records: Record<StepId, AuditRecord | null>): Partial<Record<StepId, StepDone>> {
  const out: Partial<Record<StepId, StepDone>> = {};
  for (const [step, record] of Object.entries(records) as [StepId, AuditRecord | null][]) {
    if (!record) continue;
    const by = record.actor ? record.actor.name || record.actor.subject : null;
    out[step] = { by, at: new Date(record.at).toISOString() };
  }
  return out;
}
