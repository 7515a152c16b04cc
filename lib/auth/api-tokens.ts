import "server-only";

import { timingSafeEqual } from "node:crypto";

import { z } from "zod";

import { ApiError } from "@/lib/api/api-error";
import { type TokenBinding, tokenBindingSchema } from "@/lib/schemas/tokens";

import { getStore } from "./console-store";
import type { Principal } from "./principal";
import { readSecret } from "./secret-source";
import { hashSecret } from "./session";

/** Bootstrap tokens shorter than this are refused (and say so in the log). */
const MIN_BOOTSTRAP_LENGTH = 24;

const storedBindings = z.array(tokenBindingSchema);

/** The bootstrap admin token's hash (env SPIRE_CONSOLE_BOOTSTRAP_TOKEN or _FILE), or null. */
function bootstrapHash(): string | null {
  const token = readSecret("SPIRE_CONSOLE_BOOTSTRAP_TOKEN");
  if (!token) return null;
  if (token.length < MIN_BOOTSTRAP_LENGTH) {
    console.error(`[auth] SPIRE_CONSOLE_BOOTSTRAP_TOKEN is shorter than ${MIN_BOOTSTRAP_LENGTH} characters; ignored`);
    return null;
  }
  return hashSecret(token);
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function tokenPrincipal(id: string, name: string, bindings: TokenBinding[], method: "token" | "bootstrap"): Principal {
  return {
    kind: "token",
    method,
    subject: `token:${id}`,
    issuer: "spire-console",
    name,
    email: null,
    groups: [],
    tokenId: id,
    bindings: bindings.map((b) => ({ ...b, source: method === "bootstrap" ? "bootstrap token" : `API token ${name}` })),
  };
}

/**
 * The principal behind a bearer token: the bootstrap admin token, or a stored API token that is
 * neither revoked nor expired (its last use is recorded). An unknown, revoked or expired token is
 * a 401 that says which, without echoing the token.
 */
export async function principalForBearer(secret: string, now = Date.now()): Promise<Principal> {
  const hash = hashSecret(secret);
  const bootstrap = bootstrapHash();
  if (bootstrap && sameHash(hash, bootstrap)) {
    return tokenPrincipal("bootstrap", "bootstrap token", [{ role: "admin" }], "bootstrap");
  }
  const store = await getStore();
  const token = await store.tokens.findBySecretHash(hash);
  if (!token) throw new ApiError("unauthenticated", "The bearer token is not valid.");
  if (token.revokedAt !== null) throw new ApiError("unauthenticated", `The API token '${token.name}' was revoked.`);
  if (token.expiresAt !== null && token.expiresAt <= now) {
    throw new ApiError("unauthenticated", `The API token '${token.name}' has expired.`);
  }
  const bindings = storedBindings.safeParse(token.bindings);
  if (!bindings.success) throw new ApiError("unauthenticated", `The API token '${token.name}' has unreadable roles.`);
  await store.tokens.touch(token.id, now);
  return tokenPrincipal(token.id, token.name, bindings.data, "token");
}
