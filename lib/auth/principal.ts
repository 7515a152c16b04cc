import type { Role } from "./roles";

/**
 * What an editor or operator may put on an entry beyond its SPIFFE ID (lib/schemas/binding-bounds.ts);
 * deny by default: an absent key allows nothing.
 */
export type EntryBounds = {
  parentIdPrefixes?: readonly string[];
  selectorPrefixes?: readonly string[];
  maxX509SvidTtl?: number;
  maxJwtSvidTtl?: number;
  federatesWith?: readonly string[];
  storeSvid?: boolean;
};

/**
 * One grant: a role, optionally narrowed to some servers, to SPIFFE IDs under some paths, and to
 * DNS names under some suffixes, with the entry bounds of scoped writers. `source` says where it
 * came from (for "why" answers and /api/me).
 */
export type Binding = EntryBounds & {
  role: Role;
  servers?: readonly string[];
  spiffeIdPrefixes?: readonly string[];
  dnsSuffixes?: readonly string[];
  source: string;
};

/** How a principal proved who it is. */
export type AuthMethod = "oidc" | "proxy" | "token" | "bootstrap" | "system";

/**
 * Who is asking: a signed-in user or an API token, with the bindings that apply to it; or the
 * console itself (`system`) for its own background changes (an entry set's autoApply), with
 * bindings it gives itself narrowly (lib/entry-sets/system-principal.ts).
 */
export type Principal = {
  kind: "user" | "token" | "system";
  method: AuthMethod;
  subject: string;
  issuer: string;
  name: string;
  email: string | null;
  groups: readonly string[];
  /** The API token's ID (tokens only). */
  tokenId: string | null;
  bindings: readonly Binding[];
};
