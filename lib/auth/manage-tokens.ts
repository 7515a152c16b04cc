import "server-only";

import { randomBytes } from "node:crypto";

import { ApiError } from "@/lib/api/api-error";
import { audited } from "@/lib/audit/write-audit";
import type { TokenCreateInput } from "@/lib/schemas/tokens";
import type { ApiTokenSummary } from "@/lib/store/types";

import { getStore } from "./console-store";
import { authorize } from "./guard";
import { hashSecret } from "./session";

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
    expiresAt: now + input.expiresInDays * 86_400_000,
  };
  const store = await getStore();
  const change = { action: "token.create", target: { type: "token", id: record.id, spiffeId: null } };
  const summary = await audited(
    { ...change, after: { name: record.name, bindings: record.bindings, expiresAt: record.expiresAt } },
    async () => {
      await store.tokens.create(record);
      const stored = await store.tokens.get(record.id);
      if (!stored) throw new ApiError("internal", "The token was not stored.");
      return stored;
    },
    (stored) => ({ after: stored }),
  );
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
  const change = { action: "token.revoke", target: { type: "token", id, spiffeId: null }, before: token };
  await audited(change, () => store.tokens.revoke(id, now));
  return (await store.tokens.get(id)) ?? token;
}
