import "server-only";

import { randomBytes } from "node:crypto";

import { ApiError } from "@/lib/api/api-error";
import { audited } from "@/lib/audit/write-audit";
import { getStore } from "@/lib/auth/console-store";
import { authorize } from "@/lib/auth/guard";
import type { RuleInput } from "@/lib/schemas/alerts";
import { configuredServerNames } from "@/lib/servers/resolve-server";

import type { AlertRule } from "./types";

const target = (id: string) => ({ type: "alert-rule", id, spiffeId: null });

function checkServers(input: RuleInput): void {
  const known = new Set(configuredServerNames());
  const details = input.servers
    .map((name, i) => ({ path: `servers.${i}`, message: `server '${name}' is not configured` }))
    .filter((_, i) => !known.has(input.servers[i]!));
  if (details.length) throw new ApiError("invalid_argument", `Invalid rule: ${details[0]!.message}`, details);
}

/** Every alert rule. */
export async function listAlertRules(): Promise<AlertRule[]> {
  await authorize("alerts.read");
  return (await getStore()).alerts.rules.list();
}

/** Creates an alert rule (audited); the engine evaluates it from its next run. */
export async function createAlertRule(input: RuleInput, now = Date.now()): Promise<AlertRule> {
  await authorize("alerts.write");
  checkServers(input);
  const rule: AlertRule = { id: randomBytes(9).toString("base64url"), ...input, createdAt: now, updatedAt: now };
  const repo = (await getStore()).alerts;
  await audited({ action: "alert.rule.create", target: target(rule.id), after: rule }, () => repo.rules.put(rule, now));
  return rule;
}

async function existingRule(id: string): Promise<AlertRule> {
  const rule = await (await getStore()).alerts.rules.get(id);
  if (!rule) throw new ApiError("not_found", `No alert rule with ID ${id}.`);
  return rule;
}

/** Replaces an alert rule's settings (audited, before and after). */
export async function updateAlertRule(id: string, input: RuleInput, now = Date.now()): Promise<AlertRule> {
  await authorize("alerts.write");
  checkServers(input);
  const before = await existingRule(id);
  const rule: AlertRule = { ...before, ...input, updatedAt: now };
  const repo = (await getStore()).alerts;
  await audited({ action: "alert.rule.update", target: target(id), before, after: rule }, () =>
    repo.rules.put(rule, now),
  );
  return rule;
}

/** Deletes an alert rule (audited); its firing alerts are resolved by the next evaluation. */
export async function deleteAlertRule(id: string): Promise<{ deleted: AlertRule }> {
  await authorize("alerts.write");
  const before = await existingRule(id);
  const repo = (await getStore()).alerts;
  await audited({ action: "alert.rule.delete", target: target(id), before }, () => repo.rules.delete(id));
  return { deleted: before };
}
