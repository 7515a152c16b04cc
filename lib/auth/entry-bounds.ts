import type { Selector } from "@/lib/spire/types";

import type { Binding } from "./principal";
import { isUnderPrefix } from "./spiffe-id-scope";

/** The fields of an entry state that carry power beyond its SPIFFE ID (all optional for partial views). */
export type EntryPowerFields = {
  parentId: string;
  selectors?: readonly Selector[];
  x509SvidTtl?: number;
  jwtSvidTtl?: number;
  federatesWith?: readonly string[];
  storeSvid?: boolean;
};

/**
 * True when the selector `type:value` is the prefix itself or lies under it at a `:` boundary:
 * `k8s:ns:team-a` covers `k8s:ns:team-a` only (never `k8s:ns:team-ab`); `unix:uid` covers every
 * `unix:uid:N`. A prefix ending in `*` covers any continuation: `unix:user:team-a-*`.
 */
export function isUnderSelectorPrefix(selector: Selector, prefix: string): boolean {
  const text = `${selector.type}:${selector.value}`;
  if (prefix.endsWith("*")) return text.startsWith(prefix.slice(0, -1));
  return text === prefix || text.startsWith(`${prefix}:`);
}

/** Why an entry state is refused, and the entry field at fault (`spiffeId`, `parentId`, `selectors`, …). */
export type FieldProblem = { field: string; message: string };

const list = (items: readonly string[]) => items.join(", ");

function parentProblem(binding: Binding, parentId: string): FieldProblem | null {
  const allowed = binding.parentIdPrefixes ?? [];
  if (allowed.some((p) => isUnderPrefix(parentId, p))) return null;
  const message = allowed.length
    ? `parent ${parentId} is outside your allowed parents (parentIdPrefixes: ${list(allowed)})`
    : `your ${binding.role} binding allows no parent IDs (parentIdPrefixes is not set): parent ${parentId}`;
  return { field: "parentId", message };
}

// SPIRE issues an entry only to workloads that match all of its selectors, so one selector under
// an allowed prefix confines the entry to the workloads that prefix names.
function selectorProblem(binding: Binding, selectors: readonly Selector[]): FieldProblem | null {
  const allowed = binding.selectorPrefixes ?? [];
  if (selectors.some((s) => allowed.some((p) => isUnderSelectorPrefix(s, p)))) return null;
  const have = list(selectors.map((s) => `${s.type}:${s.value}`)) || "none";
  const message = allowed.length
    ? `none of the selectors (${have}) is under your selectorPrefixes (${list(allowed)})`
    : `your ${binding.role} binding allows no selectors (selectorPrefixes is not set): ${have}`;
  return { field: "selectors", message };
}

function ttlProblem(binding: Binding, entry: EntryPowerFields): FieldProblem | null {
  const limits = [
    ["x509SvidTtl", entry.x509SvidTtl, "maxX509SvidTtl", binding.maxX509SvidTtl],
    ["jwtSvidTtl", entry.jwtSvidTtl, "maxJwtSvidTtl", binding.maxJwtSvidTtl],
  ] as const;
  for (const [field, ttl, key, max] of limits) {
    if ((ttl ?? 0) <= (max ?? 0)) continue;
    const message =
      max === undefined
        ? `${field} ${ttl}s needs ${key} in your binding (not set: only the server default, 0)`
        : `${field} ${ttl}s is above your ${key} of ${max}s`;
    return { field, message };
  }
  return null;
}

/**
 * Why an editor or operator binding may not write this entry state, or null when it may: its
 * parent, selectors, TTLs, federated trust domains and storeSvid must each be allowed by the
 * binding's keys (lib/schemas/binding-bounds.ts). Deny by default: an absent key allows nothing.
 */
export function boundsProblem(binding: Binding, entry: EntryPowerFields): FieldProblem | null {
  const problem =
    parentProblem(binding, entry.parentId) ??
    selectorProblem(binding, entry.selectors ?? []) ??
    ttlProblem(binding, entry);
  if (problem) return problem;
  const domains = binding.federatesWith ?? [];
  const foreign = (entry.federatesWith ?? []).filter((td) => !domains.includes(td));
  if (foreign.length) {
    const message = domains.length
      ? `federatesWith ${list(foreign)} is outside your federatesWith (${list(domains)})`
      : `your ${binding.role} binding allows no federatesWith (not set): ${list(foreign)}`;
    return { field: "federatesWith", message };
  }
  if (entry.storeSvid && binding.storeSvid !== true) {
    const message = `your ${binding.role} binding does not allow storeSvid (set storeSvid: true on the binding)`;
    return { field: "storeSvid", message };
  }
  return null;
}
