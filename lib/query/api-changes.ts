import type { AgentBatchAction, AgentBatchAnswer } from "@/lib/agents/batch-agent-actions";
import type { StepOutcome } from "@/lib/authorities/rotate-authority";
import type { StepId } from "@/lib/authorities/rotation-types";
import type { CleanupResult, DryRun } from "@/lib/cleanup/cleanup-types";
import type { CleanupOptions } from "@/lib/cleanup/load-cleanup";
import type { BatchCreateAnswer, BatchDeleteAnswer } from "@/lib/entries/batch-results";
import type { ApplyResult, Plan } from "@/lib/entries-as-code/types";
import type { EntryInput, EntryPatch } from "@/lib/schemas/entry-input";
import type { AuthorityKind, Entry } from "@/lib/spire/types";

import { serverApiPath } from "./api";
import { fetchJson } from "./fetch-json";

// The console's JSON API calls that change something (and the dry runs of those changes), one
// function per endpoint answering the server's type; the reads are in api.ts.

const enc = encodeURIComponent;

/** POST …/federations/<trustDomain>/refresh: the server fetches that trust domain's bundle now (204). */
export async function refreshFederatedBundle(server: string, trustDomain: string): Promise<void> {
  await fetchJson<null>(serverApiPath(server, `/federations/${enc(trustDomain)}/refresh`), {
    method: "POST",
    body: {},
  });
}

/** POST /api/tokens: creates an API token; its secret is in the answer only. */
export function createApiToken(body: {
  name: string;
  bindings: unknown[];
  expiresInDays?: number;
}): Promise<{ token: string }> {
  return fetchJson<{ token: string }>("/api/tokens", { method: "POST", body });
}

/** DELETE /api/tokens/<id>: revokes an API token. */
export async function deleteApiToken(id: string): Promise<void> {
  await fetchJson<null>(`/api/tokens/${enc(id)}`, { method: "DELETE" });
}

/** POST …/plans: plans a file (EntrySet, `-data` JSON or ClusterStaticEntry YAML) and saves the plan. */
export function createEntryPlan(server: string, file: { text: string; fileName?: string }): Promise<Plan> {
  return fetchJson<Plan>(serverApiPath(server, "/plans"), { method: "POST", body: file });
}

/** POST …/plans/<id>/apply: applies exactly a saved plan (409 when what it read has changed). */
export function applyEntryPlan(server: string, planId: string, allowMassDelete: boolean): Promise<ApplyResult> {
  return fetchJson<ApplyResult>(serverApiPath(server, `/plans/${enc(planId)}/apply`), {
    method: "POST",
    body: { allowMassDelete },
  });
}

/** POST …/entries: creates one entry (201) and answers it. */
export function createEntry(server: string, input: EntryInput): Promise<Entry> {
  return fetchJson<Entry>(serverApiPath(server, "/entries"), { method: "POST", body: input });
}

/** POST …/entries `{ entries }`: creates many entries; a result per row (row failures are not thrown). */
export function createEntries(server: string, rows: unknown[]): Promise<BatchCreateAnswer> {
  return fetchJson<BatchCreateAnswer>(serverApiPath(server, "/entries"), { method: "POST", body: { entries: rows } });
}

/** PATCH …/entries/<id>: changes the sent fields if the entry is still at `revisionNumber` (else 409). */
export function updateEntry(server: string, id: string, patch: EntryPatch): Promise<Entry> {
  return fetchJson<Entry>(serverApiPath(server, `/entries/${enc(id)}`), { method: "PATCH", body: patch });
}

/** DELETE …/entries/<id>: deletes one entry. */
export function deleteEntry(server: string, id: string): Promise<{ deleted: string }> {
  return fetchJson<{ deleted: string }>(serverApiPath(server, `/entries/${enc(id)}`), { method: "DELETE" });
}

/** POST …/entries/batch-delete: deletes many entries; a result per ID in request order. */
export function deleteEntries(server: string, ids: string[]): Promise<BatchDeleteAnswer> {
  return fetchJson<BatchDeleteAnswer>(serverApiPath(server, "/entries/batch-delete"), {
    method: "POST",
    body: { ids },
  });
}

/** POST …/agents/<id>/ban: bans an agent (204). */
export async function banAgent(server: string, id: string): Promise<void> {
  await fetchJson<null>(serverApiPath(server, `/agents/${enc(id)}/ban`), { method: "POST", body: {} });
}

/** DELETE …/agents/<id>: evicts an agent (204); it must attest again. */
export async function evictAgent(server: string, id: string): Promise<void> {
  await fetchJson<null>(serverApiPath(server, `/agents/${enc(id)}`), { method: "DELETE" });
}

/** POST …/agents/batch-<action>: bans or evicts agents as one batch (`dryRun`: only what would be sent). */
export function sendAgentBatch(
  server: string,
  action: AgentBatchAction,
  body: { ids: string[]; dryRun: boolean },
): Promise<AgentBatchAnswer> {
  return fetchJson<AgentBatchAnswer>(serverApiPath(server, `/agents/batch-${action}`), { method: "POST", body });
}

/** POST …/cleanup/dry-run: what a selection would send and affect. */
export function dryRunCleanup(server: string, body: CleanupOptions & { keys: string[] }): Promise<DryRun> {
  return fetchJson<DryRun>(serverApiPath(server, "/cleanup/dry-run"), { method: "POST", body });
}

/** POST …/cleanup/apply: applies a selection as one batch. */
export function applyCleanup(server: string, body: CleanupOptions & { keys: string[] }): Promise<CleanupResult> {
  return fetchJson<CleanupResult>(serverApiPath(server, "/cleanup/apply"), { method: "POST", body });
}

/** POST …/authorities/<kind>/<step>: runs one rotation step on `authorityId`; answers the cockpit afterwards. */
export function runRotationStep(
  server: string,
  kind: AuthorityKind,
  step: StepId,
  authorityId: string | null,
): Promise<StepOutcome> {
  return fetchJson<StepOutcome>(serverApiPath(server, `/authorities/${kind}/${step}`), {
    method: "POST",
    body: { authorityId },
  });
}
