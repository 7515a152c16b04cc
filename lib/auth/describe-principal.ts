import "server-only";

import { type Action, actions } from "./actions";
import { can } from "./can";
import { authorize } from "./guard";
import type { Binding, Principal } from "./principal";

/** What `GET /api/me` answers: who I am, how I signed in, my bindings and what I may do. */
export type Me = {
  kind: Principal["kind"];
  method: Principal["method"];
  name: string;
  subject: string;
  issuer: string;
  email: string | null;
  groups: readonly string[];
  tokenId: string | null;
  bindings: readonly Binding[];
  /** Per action: allowed anywhere at all (scopes may still narrow it per server or entry). */
  may: Record<Action, boolean>;
};

/** The current principal described for the UI and for scripts. */
export async function describeMe(): Promise<Me> {
  const p = await authorize("session");
  const may = Object.fromEntries(actions.map((a) => [a, can(p, a).allowed])) as Record<Action, boolean>;
  return {
    kind: p.kind,
    method: p.method,
    name: p.name,
    subject: p.subject,
    issuer: p.issuer,
    email: p.email,
    groups: p.groups,
    tokenId: p.tokenId,
    bindings: p.bindings,
    may,
  };
}
