import "server-only";

import { audited } from "@/lib/audit/write-audit";
import type { EndSessionsInput } from "@/lib/schemas/sessions";

import { getStore } from "./console-store";
import { authorize } from "./guard";

/**
 * Ends every session of one user at once (audited as `auth.sessions-end`), e.g. after their groups
 * changed at the identity provider: their next request must sign in again, which reads the new
 * groups. Needs `tokens.manage` (admins bound to every server). Returns how many sessions ended.
 */
export async function deleteUserSessions(input: EndSessionsInput): Promise<{ ended: number }> {
  await authorize("tokens.manage");
  const store = await getStore();
  const change = {
    action: "auth.sessions-end",
    target: { type: "user", id: input.subject, spiffeId: null },
    before: { subject: input.subject, issuer: input.issuer ?? null },
  };
  const ended = await audited(
    change,
    () => store.sessions.deleteForSubject(input.subject, input.issuer),
    (count) => ({ after: { ended: count } }),
  );
  return { ended };
}
