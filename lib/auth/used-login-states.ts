import "server-only";

import { getStore } from "./console-store";
import { hashSecret } from "./session";

/**
 * Marks a login state as used until `expiresAt`; false when it was used before (a replayed callback
 * or cookie), at this replica or any other: the used states live in the console's store (only their
 * SHA-256), so replicas sharing a PostgreSQL store refuse each other's replays. Expired ones are purged.
 */
export async function consumeLoginState(state: string, expiresAt: number, now = Date.now()): Promise<boolean> {
  const store = await getStore();
  return store.loginStates.consume(hashSecret(state), expiresAt, now);
}
