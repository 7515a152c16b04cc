import "server-only";

import { randomBytes } from "node:crypto";

import { ApiError } from "@/lib/api/api-error";
import { audited } from "@/lib/audit/write-audit";
import { getStore } from "@/lib/auth/console-store";
import { authorize } from "@/lib/auth/guard";
import type { SilenceInput } from "@/lib/schemas/alerts";

import type { AlertSilence } from "./types";

const target = (id: string) => ({ type: "alert-silence", id, spiffeId: null });

/** Every silence, those in force and those that ended (kept until deleted). */
export async function listAlertSilences(): Promise<AlertSilence[]> {
  await authorize("alerts.read");
  return (await getStore()).alerts.silences.list();
}

/** Creates a silence with its reason and expiry (audited): alerts whose labels include its matchers are not sent. */
export async function createAlertSilence(input: SilenceInput, now = Date.now()): Promise<AlertSilence> {
  const principal = await authorize("alerts.write");
  const silence: AlertSilence = {
    id: randomBytes(9).toString("base64url"),
    matchers: input.matchers,
    reason: input.reason,
    createdBy: `${principal.name} (${principal.subject})`,
    createdAt: now,
    expiresAt: now + input.durationMinutes * 60_000,
  };
  const repo = (await getStore()).alerts;
  const change = { action: "alert.silence.create", target: target(silence.id), after: silence };
  await audited(change, () => repo.silences.put(silence, now));
  return silence;
}

/** Ends a silence now (audited); alerts it held are sent by the next evaluation. */
export async function expireAlertSilence(id: string, now = Date.now()): Promise<AlertSilence> {
  await authorize("alerts.write");
  const repo = (await getStore()).alerts;
  const before = await repo.silences.get(id);
  if (!before) throw new ApiError("not_found", `No silence with ID ${id}.`);
  const silence = { ...before, expiresAt: Math.min(before.expiresAt, now) };
  const change = { action: "alert.silence.expire", target: target(id), before, after: silence };
  await audited(change, () => repo.silences.put(silence, now));
  return silence;
}
