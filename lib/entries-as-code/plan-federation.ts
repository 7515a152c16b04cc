import type { FederationRelationship } from "@/lib/spire/types";

import type {
  DeclaredFederation,
  FederationChange,
  FederationFields,
  FederationPlan,
  FieldChange,
  PlanSummary,
} from "./types";

const comparedFields = ["bundleEndpointUrl", "bundleEndpointProfile"] as const;

/** The compared fields of a live relationship (its bundle is the server's, never declared). */
export function liveFederationFields(live: Pick<FederationRelationship, "bundleEndpointUrl" | "profile">) {
  return { bundleEndpointUrl: live.bundleEndpointUrl, bundleEndpointProfile: live.profile } satisfies FederationFields;
}

/** The compared fields of a declared relationship. */
export function declaredFederationFields(declared: DeclaredFederation): FederationFields {
  return { bundleEndpointUrl: declared.bundleEndpointUrl, bundleEndpointProfile: declared.bundleEndpointProfile };
}

/** True when two relationships' compared fields are the same. */
export function sameFederationFields(a: FederationFields | null, b: FederationFields | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `after` that differ from `before`, each before → after. */
function diffFederation(before: FederationFields, after: FederationFields): FieldChange[] {
  return comparedFields.flatMap((field) =>
    JSON.stringify(before[field]) === JSON.stringify(after[field])
      ? []
      : [{ field, before: before[field], after: after[field] }],
  );
}

/**
 * Compares the declared federation relationships with the server's (every one of them is in the
 * file's scope): create what is missing, update field by field what differs, delete with `prune`
 * what the file does not declare (else it is unmanaged). Pinned: every declared trust domain's and
 * every deleted one's fields as read (null when none), for the stale check at apply. Pure.
 */
export function planFederation(
  declared: readonly DeclaredFederation[],
  live: readonly Pick<FederationRelationship, "trustDomain" | "bundleEndpointUrl" | "profile">[],
  prune: boolean,
): FederationPlan {
  const liveByTd = new Map(live.map((r) => [r.trustDomain, liveFederationFields(r)]));
  const declaredTds = new Set(declared.map((d) => d.trustDomain));
  const changes: FederationChange[] = [];
  const pinned: FederationPlan["pinned"] = {};
  let unchanged = 0;
  for (const relationship of declared) {
    const after = declaredFederationFields(relationship);
    const before = liveByTd.get(relationship.trustDomain) ?? null;
    pinned[relationship.trustDomain] = before;
    const base = { trustDomain: relationship.trustDomain, before, after };
    if (!before) changes.push({ action: "create", ...base, fields: [] });
    else if (sameFederationFields(before, after)) unchanged++;
    else changes.push({ action: "update", ...base, fields: diffFederation(before, after) });
  }
  const unmanaged: string[] = [];
  for (const [trustDomain, before] of [...liveByTd].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (declaredTds.has(trustDomain)) continue;
    if (!prune) {
      unmanaged.push(trustDomain);
      continue;
    }
    pinned[trustDomain] = before;
    changes.push({ action: "delete", trustDomain, before, after: null, fields: [] });
  }
  return { changes, unchanged, unmanaged, pinned };
}

/**
 * The plan's summary with the relationships' creates, updates and deletes counted beside the
 * entries' (unchanged and unmanaged stay entry counts; the relationships' are in `plan.federation`).
 */
export function withFederationCounts(summary: PlanSummary, federation: FederationPlan): PlanSummary {
  const count = (action: string) => federation.changes.filter((c) => c.action === action).length;
  return {
    create: summary.create + count("create"),
    update: summary.update + count("update"),
    delete: summary.delete + count("delete"),
    unchanged: summary.unchanged,
    unmanaged: summary.unmanaged,
  };
}
