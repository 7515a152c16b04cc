import "server-only";

import { randomBytes, timingSafeEqual } from "node:crypto";

import { z } from "zod";

import { ApiError } from "@/lib/api/api-error";
import { type TokenBinding, tokenBindingSchema, type TokenCreateInput } from "@/lib/schemas/tokens";
import type { ApiTokenSummary } from "@/lib/store/types";

import { getStore } from "./console-store";
import { authorize } from "./guard";
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

/** Creates an API token; the secret is returned once and only its hash is kept. */
export async function createApiToken(
  input: TokenCreateInput,
  now = Date.now(),
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const createdBy = await authorize("tokens.manage");
  const token = `spc_${randomBytes(32).toString("base64url")}`;
  const record = {
    id: randomBytes(9).toString("base64url"),
    name: input.name,
    secretHash: hashSecret(token),
    bindings: input.bindings,
    createdBy: `${createdBy.name} (${createdBy.subject})`,
    createdAt: now,
    expiresAt: input.expiresInDays ? now + input.expiresInDays * 86_400_000 : null,
  };
  const store = await getStore();
  await store.tokens.create(record);
  const summary = await store.tokens.get(record.id);
  if (!summary) throw new ApiError("internal", "The token was not stored.");
  return { token, summary };
}

/** Every API token (newest first), without secrets. */
export async function listApiTokens(): Promise<ApiTokenSummary[]> {
  await authorize("tokens.manage");
  return (await getStore()).tokens.list();
}

/** Revokes an API token; from now on it is refused on every replica. */
export async function revokeApiToken(id: string, now = Date.now()): Promise<ApiTokenSummary> {
  await authorize("tokens.manage");
  const store = await getStore();
  const token = await store.tokens.get(id);
  if (!token) throw new ApiError("not_found", `No API token with ID ${id}.`);
  await store.tokens.revoke(id, now);
  return (await store.tokens.get(id)) ?? token;
}
