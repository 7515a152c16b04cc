import { parseSpiffeId, serverSpiffeId } from "@/lib/schemas/spiffe-id";

import type { EntryScope } from "./can";
import type { Principal } from "./principal";

// SPIRE grants power per SPIFFE ID, not per entry: a caller is a server admin when its ID is in
// the server's admin_ids or when ANY entry with that ID has admin (likewise downstream), and an
// agent holding an ID receives every entry parented to it. So a plain entry can still carry power
// when its ID is one that something else already trusts. This file decides, from facts the
// write check (lib/entries/entry-write-check.ts) reads from the live server, whether an entry
// state would hold such a "powerful identity". Pure: no I/O.

/** The rules that make an ID powerful; each refusal names one. */
export type PowerRule =
  | "spire-path"
  | "console-id"
  | "admin-ids"
  | "admin-entry"
  | "downstream-entry"
  | "node-alias"
  | "parent-of-out-of-scope";

/** An ID known to be powerful from the console's config or its own credentials. */
export type KnownPowerfulId = { spiffeId: string; rule: "console-id" | "admin-ids"; why: string };

/** What the live server holds for one SPIFFE ID: the entries with that ID and those parented to it. */
export type IdentityFacts = { holders: readonly EntryScope[]; children: readonly EntryScope[] };

export type PowerRefusal = { rule: PowerRule; message: string };

/** True for a principal with an admin binding on every server: the only writer the rule does not apply to. */
export function isUnscopedAdmin(principal: Principal): boolean {
  return principal.bindings.some((b) => b.role === "admin" && !b.servers && !b.spiffeIdPrefixes);
}

/** Whether an edit moves an entry to another SPIFFE ID or parent (the changes that can hand power over). */
export function changesIdentity(before: EntryScope, after: EntryScope): boolean {
  return before.spiffeId !== after.spiffeId || before.parentId !== after.parentId;
}

/** Whether the ID's path is under /spire/ (SPIRE's own servers and agents), checked without any lookup. */
export function isSpirePath(spiffeId: string): boolean {
  const parsed = parseSpiffeId(spiffeId);
  return !("error" in parsed) && (parsed.path === "/spire" || parsed.path.startsWith("/spire/"));
}

const refusal = (spiffeId: string, rule: PowerRule, why: string): PowerRefusal => ({
  rule,
  message: `${spiffeId} is a powerful identity (rule ${rule}): ${why}`,
});

/**
 * Why an entry with `spiffeId`, created or moved (new ID or parent) by a writer other than an
 * unscoped admin, would hold a powerful identity — or null when it would not. `inScope` says
 * whether the writer may write an entry (for the children rule). Rules, in order: under
 * /spire/; one of the console's own IDs or an admin_ids ID (`known`); the ID of an admin or
 * downstream entry; a node alias's ID; the parent of entries outside the writer's scope.
 */
export function powerfulIdentityRefusal(
  spiffeId: string,
  known: readonly KnownPowerfulId[],
  facts: IdentityFacts,
  inScope: (entry: EntryScope) => boolean,
): PowerRefusal | null {
  if (isSpirePath(spiffeId)) return refusal(spiffeId, "spire-path", "IDs under /spire/ are SPIRE's servers and agents");
  const listed = known.find((k) => k.spiffeId === spiffeId);
  if (listed) return refusal(spiffeId, listed.rule, listed.why);
  const holders = facts.holders.filter((h) => h.spiffeId === spiffeId);
  if (holders.some((h) => h.admin)) {
    return refusal(spiffeId, "admin-entry", "an admin entry has this ID, so every SVID for it may call the admin API");
  }
  if (holders.some((h) => h.downstream)) {
    return refusal(spiffeId, "downstream-entry", "a downstream entry has this ID, so every SVID for it may mint SVIDs");
  }
  const alias = holders.find((h) => {
    const parsed = parseSpiffeId(h.spiffeId);
    return !("error" in parsed) && h.parentId === serverSpiffeId(parsed.trustDomain);
  });
  if (alias) return refusal(spiffeId, "node-alias", "it is a node alias: agents holding it receive its entries");
  const foreign = facts.children.find((c) => c.parentId === spiffeId && !inScope(c));
  if (foreign) {
    return refusal(
      spiffeId,
      "parent-of-out-of-scope",
      `entries outside your scope (e.g. ${foreign.spiffeId}) are parented to it: a workload holding it would receive them`,
    );
  }
  return null;
}
