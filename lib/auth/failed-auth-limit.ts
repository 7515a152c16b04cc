import "server-only";

import { ApiError } from "@/lib/api/api-error";

import { RateLimiter } from "./rate-limit";
import type { AuthSettings } from "./settings";

const limiters = new Map<number, RateLimiter>();

function limiterFor(settings: AuthSettings): RateLimiter {
  const limit = settings.auth.rateLimits.failedAuthPerMinute;
  let limiter = limiters.get(limit);
  if (!limiter) limiters.set(limit, (limiter = new RateLimiter(limit, 60_000)));
  return limiter;
}

function tooMany(retryAfterSeconds: number): ApiError {
  return new ApiError(
    "too_many_requests",
    `Too many failed authentications from your address; try again in ${retryAfterSeconds} s.`,
    undefined,
    { "retry-after": String(retryAfterSeconds) },
  );
}

/** Whether the request presents a credential that is checked here (a bearer token or a proxy's assertion). */
function presentsCredential(headers: Headers, settings: AuthSettings): boolean {
  const proxy = settings.auth.trustedProxy;
  return (
    headers.has("authorization") ||
    (proxy !== undefined && (headers.has(proxy.userHeader) || headers.has(proxy.secretHeader)))
  );
}

/**
 * Runs `authenticate` under the per-address limit on failed authentications: once an address has
 * failed `auth.rateLimits.failedAuthPerMinute` times in a minute, its next credentials are not even
 * checked (429 with Retry-After) until the oldest failure is a minute old. Keyed by client address
 * only, never by user, so nobody can lock another user out; a signed-in browser (session cookie
 * only) on the same address is not affected.
 */
export async function limitFailedAuth<T>(
  headers: Headers,
  clientAddress: string | null,
  settings: AuthSettings,
  authenticate: () => Promise<T>,
): Promise<T> {
  const limiter = limiterFor(settings);
  const key = clientAddress ?? "unknown";
  if (presentsCredential(headers, settings)) {
    const blocked = limiter.peek(key);
    if (!blocked.ok) throw tooMany(blocked.retryAfterSeconds);
  }
  try {
    return await authenticate();
  } catch (error) {
    if (error instanceof ApiError && error.code === "unauthenticated") {
      const decision = limiter.attempt(key);
      if (!decision.ok) throw tooMany(decision.retryAfterSeconds);
    }
    throw error;
  }
}
