import type { FieldIssue } from "@/lib/api/api-error";
import type { CheckedRow } from "@/lib/schemas/entry-batch";
import type { CreateResult, DeleteResult, ItemStatus } from "@/lib/spire/entry-mutations";

/** One row of a batch create's answer: SPIRE's result, or why the row was never sent. */
export type BatchCreateRow = {
  index: number;
  status: ItemStatus & { details?: FieldIssue[] };
  entry?: CreateResult["entry"];
};

export type BatchCreateAnswer = {
  /** True only when every row was created: a partly applied batch is never reported as success. */
  ok: boolean;
  summary: { created: number; failed: number };
  results: BatchCreateRow[];
};

export type BatchDeleteAnswer = { ok: boolean; summary: { deleted: number; failed: number }; results: DeleteResult[] };

/**
 * Merges the rows that failed validation (never sent) with SPIRE's results for the valid rows
 * (`created`, in the order the valid rows were sent) into one answer in request order.
 */
export function mergeCreateResults(
  checked: readonly CheckedRow[],
  created: readonly CreateResult[],
): BatchCreateAnswer {
  let sent = 0;
  const results = checked.map((row): BatchCreateRow => {
    if (!row.ok) {
      return { index: row.index, status: { code: "invalid_argument", message: row.message, details: row.details } };
    }
    const result = created[sent++];
    return result
      ? { index: row.index, ...result }
      : { index: row.index, status: { code: "internal", message: "SPIRE returned no result for this entry" } };
  });
  const ok = results.filter((r) => r.status.code === "ok").length;
  return { ok: ok === results.length, summary: { created: ok, failed: results.length - ok }, results };
}

/** Counts a batch delete's results. */
export function summarizeDeletes(results: DeleteResult[]): BatchDeleteAnswer {
  const deleted = results.filter((r) => r.status.code === "ok").length;
  return { ok: deleted === results.length, summary: { deleted, failed: results.length - deleted }, results };
}
