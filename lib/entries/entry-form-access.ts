import { entryWriteProblem } from "@/lib/auth/can";
import { type IdentityFacts, isUnscopedAdmin, powerfulIdentityRefusal } from "@/lib/auth/powerful-identity";
import type { Principal } from "@/lib/auth/principal";
import type { EntryInput } from "@/lib/schemas/entry-input";

import type { FieldErrors } from "./form-values";

/**
 * What the server's write check (lib/entries/entry-write-check.ts) would refuse in this entry state, per form
 * field, decided by the same rule code as the user types: the role, server, SPIFFE-ID scope, DNS suffixes and
 * entry bounds (`entryWriteProblem`), then, when the state creates or moves an identity, the powerful-identity
 * rule on the facts read so far (`facts`: the entries holding the ID and those parented to it; null while
 * unknown, when only the rules needing no lookup apply). The console's own IDs and admin_ids are known only to
 * the server: a refusal for those is marked on the field when the server answers.
 */
export function findEntryAccessErrors(
  principal: Principal | null,
  server: string,
  input: EntryInput,
  identity: { moved: boolean; facts: IdentityFacts | null },
): FieldErrors {
  const found = entryWriteProblem(principal, server, input);
  if (found) return { [found.field]: found.message };
  if (!principal || !identity.moved || isUnscopedAdmin(principal)) return {};
  const inScope = (entry: Parameters<typeof entryWriteProblem>[2]) => !entryWriteProblem(principal, server, entry);
  const facts = identity.facts ?? { holders: [], children: [] };
  const refusal = powerfulIdentityRefusal(input.spiffeId, [], facts, inScope);
  return refusal ? { spiffeId: refusal.message } : {};
}
