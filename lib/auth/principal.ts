import type { Role } from "./roles";

/**
 * One grant: a role, optionally narrowed to some servers, to SPIFFE IDs under some paths, and to
 * DNS names under some suffixes. `source` says where it came from (for "why" answers and /api/me).
 */
export type Binding = {
  role: Role;
  servers?: readonly string[];
  spiffeIdPrefixes?: readonly string[];
  dnsSuffixes?: readonly string[];
  source: string;
};

/** How a principal proved who it is. */
export type AuthMethod = "oidc" | "proxy" | "token" | "bootstrap";

/** Who is asking: a signed-in user or an API token, with the bindings that apply to it. */
export type Principal = {
  kind: "user" | "token";
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
