import { withApi } from "@/lib/api/with-api";
import { revokeApiToken } from "@/lib/auth/manage-tokens";
import { tokenParams } from "@/lib/schemas/tokens";

// DELETE /api/tokens/[id] – revoke an API token (refused from then on, on every replica)
export const DELETE = withApi({ action: "tokens.manage", params: tokenParams }, async ({ params }) =>
  revokeApiToken(params.id),
);
