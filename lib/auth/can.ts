import { serverSpiffeId } from "@/lib/schemas/spiffe-id";

import { type Action, actionWords } from "./actions";
import { boundsProblem, type EntryPowerFields, type FieldProblem } from "./entry-bounds";
import type { Binding, Principal } from "./principal";
import { isScopedWriter, roleActions } from "./roles";
import { isUnderDnsSuffix, isUnderPrefix } from "./spiffe-id-scope";

/** The parts of a registration entry that decide whether a scoped writer may hold it. */
export type EntryScope = EntryPowerFields & {
  spiffeId: string;
  admin?: boolean;
  downstream?: boolean;
  dnsNames?: readonly string[];
};

/**
 * What an action is applied to. `server` is absent for views that span every server (they are
 * filtered per server). `entries` are every entry state a write touches: the rows of a batch,
 * or an edit's current entry and its result, or the entry a delete removes. `writes` are the entry
 * states a write would leave (new rows, an edit's result): for editors and operators each must also
 * keep within the binding's entry bounds (entry-bounds.ts).
 */
export type Resource = { server?: string; entries?: readonly EntryScope[]; writes?: readonly EntryScope[] };

export type Decision = { allowed: true; reason: string; binding: Binding } | { allowed: false; reason: string };

/**
 * Actions on agents. An agent serves every entry parented to it, whatever their SPIFFE IDs, so a
 * binding limited to SPIFFE-ID prefixes cannot be kept to its prefixes there: it may not do them.
 */
const agentActions: ReadonlySet<Action> = new Set(["agents.ban", "agents.evict"]);

/**
 * Actions that are never limited to some servers: a server-scoped binding cannot grant them. Alerts span every
 * server (a rule may watch all of them, a sink receives every rule's alerts).
 */
const globalActions: ReadonlySet<Action> = new Set(["tokens.manage", "audit.read", "alerts.read", "alerts.write"]);

const trustDomainOf = (spiffeId: string) => /^spiffe:\/\/([^/]+)/.exec(spiffeId)?.[1] ?? "";

const problem = (field: string, message: string): FieldProblem => ({ field, message });

/** Why a scoped writer may not hold this entry state (and the entry field at fault), or null when it may. */
function entryProblem(binding: Binding, entry: EntryScope): FieldProblem | null {
  if (entry.admin) return problem("admin", `${binding.role}s may not create or change admin entries`);
  if (entry.downstream) return problem("downstream", `${binding.role}s may not create or change downstream entries`);
  if (entry.parentId === serverSpiffeId(trustDomainOf(entry.spiffeId))) {
    const why = `${binding.role}s may not create or change node entries or node aliases (parent ${entry.parentId})`;
    return problem("parentId", why);
  }
  const prefixes = binding.spiffeIdPrefixes ?? [];
  if (prefixes.length > 0 && !prefixes.some((p) => isUnderPrefix(entry.spiffeId, p))) {
    return problem("spiffeId", `${entry.spiffeId} is outside your SPIFFE-ID scope (${prefixes.join(", ")})`);
  }
  const suffixes = binding.dnsSuffixes ?? [];
  for (const name of entry.dnsNames ?? []) {
    if (!suffixes.some((s) => isUnderDnsSuffix(name, s))) {
      const why = suffixes.length
        ? `DNS name ${name} is outside your DNS suffixes (${suffixes.join(", ")})`
        : `${binding.role}s without dnsSuffixes may not set DNS names (${name})`;
      return problem("dnsNames", why);
    }
  }
  return null;
}

/** Whether one binding allows the action on the resource, and if not, why. */
function decide(binding: Binding, action: Action, resource: Resource): string | null {
  const words = actionWords[action];
  if (!roleActions[binding.role].has(action)) return `the ${binding.role} role may not ${words}`;
  if (binding.servers && globalActions.has(action)) return `to ${words} needs a binding not limited to servers`;
  if (binding.servers && resource.server !== undefined && !binding.servers.includes(resource.server)) {
    return `your ${binding.role} binding covers ${binding.servers.join(", ") || "no servers"}, not '${resource.server}'`;
  }
  if (agentActions.has(action) && binding.spiffeIdPrefixes) {
    return (
      `your ${binding.role} binding is limited to SPIFFE-ID prefixes (${binding.spiffeIdPrefixes.join(", ")}), ` +
      `and an agent also serves entries outside them: to ${words} needs a binding without spiffeIdPrefixes`
    );
  }
  if (action === "entries.write" && isScopedWriter(binding.role)) {
    for (const entry of resource.entries ?? []) {
      const found = entryProblem(binding, entry);
      if (found) return found.message;
    }
    for (const entry of resource.writes ?? []) {
      const found = entryProblem(binding, entry) ?? boundsProblem(binding, entry);
      if (found) return found.message;
    }
  }
  return null;
}

/**
 * The one authorization decision: may `principal` do `action` on `resource`? Deny by default:
 * no principal, no binding, or no binding that allows it. Any one binding allowing it is enough,
 * and it must allow every entry state the action touches. The answer always says why.
 */
export function can(principal: Principal | null, action: Action, resource: Resource = {}): Decision {
  if (!principal) return { allowed: false, reason: "not signed in" };
  if (principal.bindings.length === 0) {
    return { allowed: false, reason: `${principal.name} has no role: no binding matches their groups or subject` };
  }
  const reasons: string[] = [];
  for (const binding of principal.bindings) {
    const problem = decide(binding, action, resource);
    if (problem === null) return { allowed: true, reason: `allowed by ${binding.role} (${binding.source})`, binding };
    reasons.push(problem);
  }
  return { allowed: false, reason: [...new Set(reasons)].join("; ") };
}

/**
 * Why `principal` may not leave this entry state on `server`, naming the entry field at fault (`form` when
 * none is: the role or the server), or null when it may. The same decision as `can("entries.write")`: the
 * entry form runs it as the user types, the write check uses it to mark the field of a refusal.
 */
export function entryWriteProblem(principal: Principal | null, server: string, entry: EntryScope): FieldProblem | null {
  const decision = can(principal, "entries.write", { server, entries: [entry], writes: [entry] });
  if (decision.allowed) return null;
  for (const binding of principal?.bindings ?? []) {
    if (decide(binding, "entries.write", { server }) !== null || !isScopedWriter(binding.role)) continue;
    const found = entryProblem(binding, entry) ?? boundsProblem(binding, entry);
    if (found) return found;
  }
  return problem("form", decision.reason);
}
