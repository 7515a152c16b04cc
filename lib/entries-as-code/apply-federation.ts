import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { type AuditChange, auditError, recordIntents, recordResults } from "@/lib/audit/write-audit";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import {
  batchCreateFederationRelationships,
  batchDeleteFederationRelationships,
  batchUpdateFederationRelationships,
  type FederationItemResult,
  type FederationRelationshipInput,
  listFederationRelationships,
} from "@/lib/spire/federation";

import type { RowOutcome } from "./apply-rows";
import { liveFederationFields, sameFederationFields } from "./plan-federation";
import type { FederationChange, Plan, PlanAction } from "./types";

const changesOf = (plan: Plan) => plan.federation?.changes ?? [];

/** A plan that changes federation relationships needs `federation.write` (admins only) on the server. */
export async function authorizeFederation(server: ServerConfig, plan: Plan): Promise<void> {
  if (changesOf(plan).length > 0) await authorize("federation.write", { server: server.name });
}

/**
 * 409 naming every relationship the plan pinned whose fields (bundle endpoint URL, profile) are not
 * what the plan read, or that appeared or vanished since: SPIRE keeps no revision for them.
 */
export async function refuseIfFederationStale(server: ServerConfig, plan: Plan): Promise<void> {
  const pinned = Object.entries(plan.federation?.pinned ?? {});
  if (changesOf(plan).length === 0 || pinned.length === 0) return;
  const live = new Map(
    (await listFederationRelationships(server)).map((r) => [r.trustDomain, liveFederationFields(r)]),
  );
  const details = pinned.flatMap(([trustDomain, then]) => {
    const now = live.get(trustDomain) ?? null;
    if (sameFederationFields(then, now)) return [];
    const message = !then
      ? "was created since the plan was made"
      : !now
        ? "was deleted since the plan was made"
        : "changed since the plan was made";
    const path = `federationRelationships.${trustDomain}`;
    return [{ path, message: `the relationship with ${trustDomain} ${message}` }];
  });
  if (details.length > 0) {
    throw new ApiError(
      "conflict",
      `${details.length} federation relationship${details.length === 1 ? "" : "s"} changed since plan ${plan.id} was made; nothing was applied. Plan again.`,
      details,
    );
  }
}

function relationshipInput(change: FederationChange): FederationRelationshipInput {
  const profile = change.after!.bundleEndpointProfile;
  if (profile.type === "unknown") throw new ApiError("invalid_argument", "A declared profile cannot be unknown.");
  return { trustDomain: change.trustDomain, bundleEndpointUrl: change.after!.bundleEndpointUrl, profile };
}

const send: Record<PlanAction, (server: ServerConfig, changes: FederationChange[]) => Promise<FederationItemResult[]>> =
  {
    create: (server, changes) => batchCreateFederationRelationships(server, changes.map(relationshipInput)),
    update: (server, changes) => batchUpdateFederationRelationships(server, changes.map(relationshipInput)),
    delete: (server, changes) =>
      batchDeleteFederationRelationships(
        server,
        changes.map((c) => c.trustDomain),
      ),
  };

/** One batch call for the plan's relationship changes of one action, each audited (intent, result). */
async function applyAction(server: ServerConfig, rows: { index: number; change: FederationChange }[]) {
  if (rows.length === 0) return [];
  const action = rows[0]!.change.action;
  const audit: AuditChange[] = rows.map(({ change }) => ({
    action: `federation.${action}`,
    server,
    target: { type: "federation", id: change.trustDomain, spiffeId: null },
    before: change.before,
    after: change.after,
  }));
  const intents = await recordIntents(audit);
  const results = await send[action](
    server,
    rows.map((r) => r.change),
  ).catch((error: unknown) => rows.map((r) => ({ trustDomain: r.change.trustDomain, status: auditError(error) })));
  await recordResults(
    intents,
    results.map((r) =>
      r.status.code === "ok" ? { outcome: "ok" as const } : { outcome: "error" as const, error: r.status },
    ),
  );
  return rows.map(({ index, change }, n): RowOutcome => ({
    result: {
      index,
      action,
      entryId: null,
      spiffeId: `spiffe://${change.trustDomain}`,
      trustDomain: change.trustDomain,
      status: results[n]?.status ?? { code: "internal", message: "no result" },
    },
    applied: null,
  }));
}

/**
 * Applies the plan's federation relationship changes (creates, updates, deletes, one batch call
 * each) after its entries; their rows are numbered after the entries' (`offset` on).
 */
export async function applyFederationChanges(server: ServerConfig, plan: Plan, offset: number) {
  const rows = changesOf(plan).map((change, n) => ({ index: offset + n, change }));
  const outcomes: RowOutcome[] = [];
  for (const action of ["create", "update", "delete"] as const) {
    outcomes.push(
      ...(await applyAction(
        server,
        rows.filter((r) => r.change.action === action),
      )),
    );
  }
  return outcomes;
}
