import "server-only";

/** The last evaluation of this process, for the Alerts page. */
export type EvaluationStatus = {
  at: string;
  durationMs: number;
  alerts: number;
  notifications: number;
  error: string | null;
};

// On globalThis: the engine (started from instrumentation) and the route bundles share it.
const globalForStatus = globalThis as typeof globalThis & { __spireAlertEvaluation?: EvaluationStatus | null };

/** The last evaluation's outcome, or null before the first one. */
export const lastEvaluation = (): EvaluationStatus | null => globalForStatus.__spireAlertEvaluation ?? null;

/** Remembers an evaluation's outcome. */
export function noteEvaluation(status: EvaluationStatus): void {
  globalForStatus.__spireAlertEvaluation = status;
}
