import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { createApiToken, listApiTokens } from "@/lib/auth/manage-tokens";
import { tokenCreateSchema } from "@/lib/schemas/tokens";

// GET /api/tokens – every API token (no secrets): name, roles, expiry, last use, revoked
export const GET = withApi({ action: "tokens.manage" }, async () => ({ tokens: await listApiTokens() }));

// POST /api/tokens – create a token `{ name, bindings, expiresInDays? }`; the secret is in this answer only (201)
export const POST = withApi({ action: "tokens.manage" }, async ({ request }) => {
  const input = parseOrThrow(tokenCreateSchema, await readJsonBody(request), "token");
  return Response.json(await createApiToken(input), { status: 201 });
});
