"use client";

import { useQuery } from "@tanstack/react-query";

import { usePrincipal } from "@/components/auth/access-provider";
import { useDebounced } from "@/components/search/use-debounced";
import { entryWriteProblem } from "@/lib/auth/can";
import { changesIdentity, isUnscopedAdmin } from "@/lib/auth/powerful-identity";
import { findEntryAccessErrors } from "@/lib/entries/entry-form-access";
import type { FieldErrors } from "@/lib/entries/form-values";
import { fetchIdentityFacts } from "@/lib/query/api";
import { entryKeys } from "@/lib/query/keys";
import type { EntryInput } from "@/lib/schemas/entry-input";
import { parseSpiffeId } from "@/lib/schemas/spiffe-id";
import type { Entry } from "@/lib/spire/types";

/** Why a flag the user may not set is off-limits, in plain words (null when it may be set). */
export type FlagLimits = { admin: string | null; downstream: string | null };

/**
 * The server's write check, run in the browser as the user types (the same rule code: scope, DNS suffixes,
 * entry bounds and the powerful-identity rule, the latter on the entries the server holds for the typed ID,
 * read once typing settles). Answers the errors per field and which flags the user's roles cannot set.
 */
export function useEntryAccess(server: string, input: EntryInput, base: Entry | null) {
  const principal = usePrincipal();
  const moved = !base || changesIdentity(base, input);
  const settledId = useDebounced(input.spiffeId, 400);
  const lookUp = moved && !!principal && !isUnscopedAdmin(principal) && !("error" in parseSpiffeId(settledId));
  const facts = useQuery({
    queryKey: entryKeys.identityFacts(server, settledId),
    queryFn: () => fetchIdentityFacts(server, settledId),
    enabled: lookUp,
    staleTime: 30_000,
  });
  const known = facts.data && settledId === input.spiffeId ? facts.data : null;
  const errors: FieldErrors = findEntryAccessErrors(principal, server, input, { moved, facts: known });
  const flagProblem = (flag: "admin" | "downstream") => {
    const found = entryWriteProblem(principal, server, { ...input, admin: false, downstream: false, [flag]: true });
    return found?.field === flag ? found.message : null;
  };
  const limits: FlagLimits = { admin: flagProblem("admin"), downstream: flagProblem("downstream") };
  return { principal, errors, limits };
}
