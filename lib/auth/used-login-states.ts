import "server-only";

/** `state` values of sealed login cookies already presented at /auth/callback, with when they expire. */
const used = new Map<string, number>();

/**
 * Marks a login state as used; false when it was used before (a replayed callback or cookie).
 * Kept until the sealed cookie itself would have expired, in this process: a load balancer with
 * sticky sessions, or the provider's single-use authorization code, covers the other replicas.
 */
export function consumeLoginState(state: string, expiresAt: number, now = Date.now()): boolean {
  if (used.size > 10_000) for (const [key, at] of used) if (at <= now) used.delete(key);
  const seen = used.get(state);
  if (seen !== undefined && seen > now) return false;
  used.set(state, expiresAt);
  return true;
}
