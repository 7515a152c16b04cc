import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import { ApiError } from "@/lib/api/api-error";
import { getStore } from "@/lib/auth/console-store";
import type { Principal } from "@/lib/auth/principal";
import { currentAuth } from "@/lib/auth/request-context";
import type { ServerConfig } from "@/lib/config/schema";
import { recordAuditWriteFailure } from "@/lib/metrics/record";
import type { AuditActor, AuditOutcome, NewAuditRecord } from "@/lib/store/types";

import { replicaId } from "./replica";
import { ulid } from "./ulid";

const auditBatch = new AsyncLocalStorage<string>();

/**
 * Runs `fn` with every audit record it writes in batch `batchId` (an entries-as-code plan ID),
 * whatever batch its writes would have chosen, so the audit log ties each change to the plan.
 */
export function withAuditBatch<T>(batchId: string, fn: () => Promise<T>): Promise<T> {
  return auditBatch.run(batchId, fn);
}

/** What a change is applied to. */
export type AuditTarget = { type: string; id: string | null; spiffeId: string | null };

/** One change (or event) to record. */
export type AuditChange = {
  action: string;
  server?: Pick<ServerConfig, "name" | "trustDomain"> | null;
  target: AuditTarget;
  before?: unknown;
  after?: unknown;
};

/** How one change ended. */
export type AuditResult = {
  outcome: Exclude<AuditOutcome, "pending">;
  error?: { code: string; message: string } | null;
  after?: unknown;
  targetId?: string | null;
};

/** The principal as the audit log keeps it. */
export function toAuditActor(principal: Principal | null): AuditActor | null {
  if (!principal) return null;
  return {
    kind: principal.kind,
    method: principal.method,
    issuer: principal.issuer,
    subject: principal.subject,
    name: principal.name,
    groups: [...principal.groups],
    tokenId: principal.tokenId,
  };
}

async function requestContext(): Promise<Pick<NewAuditRecord, "actor" | "clientAddress" | "requestId">> {
  const auth = await currentAuth().catch(() => null);
  return {
    actor: toAuditActor(auth?.principal ?? null),
    clientAddress: auth?.info.clientAddress ?? null,
    requestId: auth?.requestId ?? null,
  };
}

function newRecord(
  context: Awaited<ReturnType<typeof requestContext>>,
  change: AuditChange,
  fields: Pick<NewAuditRecord, "phase" | "outcome" | "intentId" | "batchId" | "error">,
): NewAuditRecord {
  return {
    id: ulid(),
    at: Date.now(),
    replicaId,
    ...context,
    server: change.server?.name ?? null,
    trustDomain: change.server?.trustDomain ?? null,
    action: change.action,
    target: change.target,
    before: change.before ?? null,
    after: change.after ?? null,
    ...fields,
  };
}

/** An error as an audit outcome (unknown errors are `internal`, their text stays in the log). */
export function auditError(error: unknown): { code: string; message: string } {
  return error instanceof ApiError
    ? { code: error.code, message: error.message }
    : { code: "internal", message: "unexpected error; see the console's log" };
}

/**
 * Writes the intent of each change before it is sent. If the audit log cannot be written the
 * change must not happen: this throws 503 and the caller never calls SPIRE.
 */
export async function recordIntents(changes: readonly AuditChange[], batchId: string | null = null) {
  const context = await requestContext();
  const records = changes.map((change) =>
    newRecord(context, change, {
      phase: "intent",
      outcome: "pending",
      intentId: null,
      batchId: auditBatch.getStore() ?? batchId,
      error: null,
    }),
  );
  try {
    const store = await getStore();
    await store.audit.append(records);
  } catch (error) {
    recordAuditWriteFailure();
    console.error("[audit] cannot write the audit log; the change is refused", error);
    throw new ApiError("unavailable", "The audit log cannot be written, so nothing was changed. Try again later.");
  }
  return records;
}

/** Completes intents with how each change ended (best effort: the change has happened already). */
export async function recordResults(intents: readonly NewAuditRecord[], results: readonly AuditResult[]) {
  const context = await requestContext();
  const records = intents.map((intent, i) => {
    const result = results[i] ?? { outcome: "error", error: { code: "internal", message: "no result" } };
    const change: AuditChange = {
      action: intent.action,
      server: intent.server ? { name: intent.server, trustDomain: intent.trustDomain ?? undefined } : null,
      target: { ...intent.target, id: result.targetId ?? intent.target.id },
      before: intent.before,
      after: result.after === undefined ? intent.after : result.after,
    };
    return newRecord(context, change, {
      phase: "result",
      outcome: result.outcome,
      intentId: intent.id,
      batchId: intent.batchId,
      error: result.error ?? null,
    });
  });
  await appendBestEffort(records, "result");
}

/** Where a request came from, for records written outside its authentication (a refused one, a folded summary). */
export type AuditOrigin = Pick<NewAuditRecord, "clientAddress" | "requestId">;

/**
 * Records something that happens at once (a sign-in, a sign-out, a denial); best effort. `actor`
 * replaces the request's principal (e.g. the user a sign-in has just identified), `origin` its
 * client address and request ID.
 */
export async function recordEvent(
  change: AuditChange,
  result: AuditResult,
  actor?: AuditActor | null,
  origin?: AuditOrigin,
): Promise<void> {
  // With both given, the request is not authenticated again (a refused one would count as another failure).
  const context = actor !== undefined && origin ? { actor, ...origin } : await requestContext();
  if (actor !== undefined) context.actor = actor;
  const record = newRecord(context, change, {
    phase: "event",
    outcome: result.outcome,
    intentId: null,
    batchId: null,
    error: result.error ?? null,
  });
  await appendBestEffort([record], "event");
}

async function appendBestEffort(records: NewAuditRecord[], what: string): Promise<void> {
  try {
    await (await getStore()).audit.append(records);
  } catch (error) {
    recordAuditWriteFailure();
    console.error(`[audit] could not write ${records.length} ${what} record(s)`, error);
  }
}

/**
 * Runs one change with its audit record: the intent first (503 and nothing sent when it cannot be
 * written), then `run`, then the result (`describe` says what it produced).
 */
export async function audited<T>(
  change: AuditChange,
  run: () => Promise<T>,
  describe: (value: T) => Omit<AuditResult, "outcome"> = () => ({}),
): Promise<T> {
  const [intent] = await recordIntents([change]);
  try {
    const value = await run();
    await recordResults([intent!], [{ outcome: "ok", ...describe(value) }]);
    return value;
  } catch (error) {
    await recordResults([intent!], [{ outcome: "error", error: auditError(error) }]);
    throw error;
  }
}
