import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { ulid } from "@/lib/audit/ulid";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { listFederationRelationships } from "@/lib/spire/federation";

import { checkDeclaredEntries } from "./check-declared";
import { readLiveView } from "./live-view";
import { massDeleteLimits } from "./mass-delete-limits";
import { planEntryChanges, summaryLine } from "./plan-entry-changes";
import { planFederation, withFederationCounts } from "./plan-federation";
import { savePlan } from "./plan-store";
import { readPodRisks } from "./pod-risks";
import type { EntrySetDocument, Plan, PlanOptions } from "./types";

/**
 * Plans an EntrySet against `server`: checks its entries, compares them with the live entries in
 * scope (from the entry index), and, with `save`, stores the plan pinned to the revisions it read
 * so `applyPlan` can apply exactly it. Needs `entries.read` on the server. Refuses (400) a file
 * for another server or with invalid entries.
 */
export async function createPlan(
  server: ServerConfig,
  document: EntrySetDocument,
  options: PlanOptions & { refresh?: boolean } = {},
): Promise<Plan> {
  const principal = await authorize("entries.read", { server: server.name });
  const declaredServer = document.spec.server;
  if (declaredServer && declaredServer !== server.name) {
    throw new ApiError("invalid_argument", `This file is for server ${declaredServer}, not ${server.name}.`, [
      { path: "spec.server", message: `Plan it against ${declaredServer}` },
    ]);
  }
  const owns = options.owns ?? document.spec.owns;
  const prune = options.prune ?? document.spec.prune;
  const entries = document.spec.entries;
  const live = await readLiveView(server, entries, owns, options.refresh ?? false);
  checkDeclaredEntries(entries, { trustDomain: live.trustDomain, now: live.now });
  const computed = planEntryChanges({ entries, prune, limits: { ...massDeleteLimits(), ...options.massDelete } }, live);
  computed.risks.push(...(await readPodRisks(server, live.trustDomain, live.index, computed.changes)));
  const declaredFederation = document.spec.federationRelationships;
  const federation = declaredFederation
    ? planFederation(declaredFederation, await listFederationRelationships(server), prune)
    : undefined;
  if (federation) {
    computed.summary = withFederationCounts(computed.summary, federation);
    computed.summaryLine = summaryLine(computed.summary);
  }
  const plan: Plan = {
    id: ulid(),
    server: server.name,
    createdAt: Date.now(),
    createdBy: principal.name,
    source: {
      name: options.source?.name ?? document.metadata.name,
      ...(options.source?.format ? { format: options.source.format } : {}),
      ...(options.source?.revision ? { revision: options.source.revision } : {}),
    },
    owns,
    prune,
    ...computed,
    ...(federation ? { federation } : {}),
    inverseOf: null,
    status: "planned",
    appliedAt: null,
  };
  if (options.save) await savePlan(plan);
  return plan;
}
