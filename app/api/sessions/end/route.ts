import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { deleteUserSessions } from "@/lib/auth/end-sessions";
import { endSessionsSchema } from "@/lib/schemas/sessions";

// POST /api/sessions/end – end every session of a user `{ subject, issuer? }` (admins); answers `{ ended }`
export const POST = withApi({ action: "tokens.manage" }, async ({ request }) =>
  deleteUserSessions(parseOrThrow(endSessionsSchema, await readJsonBody(request), "body")),
);
