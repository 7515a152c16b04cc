import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { auditError } from "@/lib/audit/write-audit";
import type { EntrySetConfig } from "@/lib/config/entry-sets-schema";
import { setEntrySetDrift } from "@/lib/metrics/record";
import { getServerConfig } from "@/lib/servers/resolve-server";

import { autoApplySet } from "./auto-apply";
import { driftGaugeValues, type EntrySetStatus, statusFromError, statusFromPlan } from "./drift-state";
import { getEntrySetStatus, putEntrySetStatus } from "./entry-set-status";
import { documentOfSet, planAsConsole } from "./plan-entry-set";
import type { SetFiles } from "./read-set-files";

/** `SPIRE_CONSOLE_ENTRY_SETS=watch`: this console plans and reports drift but never autoApplies (one replica of several). */
const autoApplyAllowed = () => process.env.SPIRE_CONSOLE_ENTRY_SETS !== "watch";

function describeReadError(error: unknown): { code: string; message: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return { code: "not_found", message: "the set's path does not exist (yet)" };
  if (code === "EACCES") return { code: "permission_denied", message: "the console may not read the set's path" };
  return auditError(error);
}

/**
 * Plans one watched set (refresh only: nothing is saved), stores its status and sets its gauges;
 * when the set drifted and has `autoApply`, applies it as the console's own principal and plans
 * again so the status shows what is left. `files` is the set's content, or the error reading it.
 */
export async function runEntrySet(set: EntrySetConfig, files: SetFiles | { error: unknown }): Promise<EntrySetStatus> {
  const started = performance.now();
  const at = new Date();
  const base: EntrySetStatus = {
    ...getEntrySetStatus(set),
    files: "files" in files ? files.files.map((f) => f.name) : [],
  };
  const done = (status: EntrySetStatus) => {
    putEntrySetStatus(status);
    setEntrySetDrift(set.name, set.server, status.state === "error" ? null : driftGaugeValues(status.counts));
    return status;
  };
  if ("error" in files) return done(statusFromError(base, describeReadError(files.error), at, 0));
  try {
    const server = getServerConfig(set.server);
    const read = documentOfSet(set, files);
    let plan = await planAsConsole(set, server, read, false);
    let lastApply = base.lastApply;
    if (set.autoApply && autoApplyAllowed() && plan.summary.create + plan.summary.update + plan.summary.delete > 0) {
      lastApply = await autoApplySet(set, server, read, plan);
      if (lastApply.outcome !== "refused") plan = await planAsConsole(set, server, read, false);
    }
    return done({ ...statusFromPlan(base, plan, at, Math.round(performance.now() - started)), lastApply });
  } catch (error) {
    if (!(error instanceof ApiError)) console.error(`[entry-sets] planning ${set.name} failed`, error);
    return done(statusFromError(base, auditError(error), at, Math.round(performance.now() - started)));
  }
}
