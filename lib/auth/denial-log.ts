import "server-only";

import type { ApiError } from "@/lib/api/api-error";
import { type AuditOrigin, recordEvent, toAuditActor } from "@/lib/audit/write-audit";
import { recordDenial as countDenial } from "@/lib/metrics/record";
import type { AuditActor } from "@/lib/store/types";

import { DenialFolder, type FoldedDenials } from "./denial-fold";
import type { Principal } from "./principal";

/** One refused request, as its audit record needs it. */
export type Denial = {
  error: ApiError;
  action: string;
  server: string | null;
  spiffeId: string | null;
  principal: Principal | null;
  origin: AuditOrigin;
};

type Details = Omit<Denial, "principal" | "error"> & {
  actor: AuditActor | null;
  error: { code: string; message: string };
};

let folder: { windowMs: number; folder: DenialFolder<Details> } | null = null;
let timer: NodeJS.Timeout | null = null;
const recorded = new WeakSet<ApiError>();

function write(details: Details, count: number, span?: { firstAt: number; lastAt: number }): Promise<void> {
  const server = details.server ? { name: details.server, trustDomain: undefined } : null;
  return recordEvent(
    {
      action: "auth.denied",
      server,
      target: { type: "action", id: details.action, spiffeId: details.spiffeId },
      after: span
        ? { count, firstAt: new Date(span.firstAt).toISOString(), lastAt: new Date(span.lastAt).toISOString() }
        : { count },
    },
    { outcome: "denied", error: details.error },
    details.actor,
    details.origin,
  );
}

async function writeFolded(summaries: FoldedDenials<Details>[]): Promise<void> {
  for (const s of summaries) await write(s.last, s.count, s);
}

/** Writes the folded repeats as their windows close (the timer never keeps the process up). */
function scheduleFlush(): void {
  const at = folder?.folder.nextDue() ?? null;
  if (timer || at === null) return;
  timer = setTimeout(
    () => {
      timer = null;
      void writeFolded(folder?.folder.due(Date.now()) ?? []).finally(scheduleFlush);
    },
    Math.max(0, at - Date.now()) + 20,
  );
  timer.unref();
}

/**
 * Records a refused request in the audit log with its client address and request ID (once per
 * error). The first denial of an address for an action and reason is written at once; its repeats
 * within `windowSeconds` are folded into one later record whose `after.count` says how many there
 * were, so a flood of refused requests cannot flood the log (or hide in it).
 */
export async function recordDenial(denial: Denial, windowSeconds: number): Promise<void> {
  if (recorded.has(denial.error)) return;
  recorded.add(denial.error);
  countDenial(denial.action);
  const windowMs = windowSeconds * 1000;
  if (folder?.windowMs !== windowMs) folder = { windowMs, folder: new DenialFolder<Details>(windowMs) };
  const { error, principal, ...rest } = denial;
  const details: Details = {
    ...rest,
    actor: toAuditActor(principal),
    error: { code: error.code, message: error.message },
  };
  const key = [denial.origin.clientAddress ?? "unknown", denial.action, error.code, principal?.subject ?? ""].join("|");
  const { recordNow, closed } = folder.folder.note(key, details, Date.now());
  await writeFolded(closed);
  if (recordNow) await write(details, 1);
  else scheduleFlush();
}
