import "server-only";

import { ApiError } from "@/lib/api/api-error";

import type { Principal } from "./principal";
import { RateLimiter } from "./rate-limit";
import type { AuthSettings } from "./settings";

/**
 * CSRF guard for POST/PUT/PATCH/DELETE. A browser sends ambient credentials (the session cookie,
 * or a trusted proxy's), so such a request must carry an Origin equal to the console's own; a
 * missing Origin is refused too. Bearer tokens are never sent by a browser on its own, so a
 * token request may omit Origin; a foreign Origin is refused for everyone.
 */
export function checkOrigin(headers: Headers, principal: Principal, origin: string): void {
  if (headers.get("sec-fetch-site") === "cross-site") {
    throw new ApiError("permission_denied", "Cross-site requests may not change anything here.");
  }
  const sent = headers.get("origin");
  const bearer = principal.method === "token" || principal.method === "bootstrap";
  if (sent === null && bearer) return;
  if (sent === null) {
    throw new ApiError("permission_denied", "Changes need an Origin header (send them from the console itself).");
  }
  if (sent !== origin) {
    throw new ApiError("permission_denied", `Requests from origin ${sent.slice(0, 200)} may not change anything here.`);
  }
}

const limiters = new Map<number, RateLimiter>();

/** 429 with Retry-After when the principal has made too many changes in the last minute. */
export function checkMutationRate(principal: Principal, settings: AuthSettings): void {
  const limit = settings.auth.rateLimits.mutationsPerMinute;
  let limiter = limiters.get(limit);
  if (!limiter) limiters.set(limit, (limiter = new RateLimiter(limit, 60_000)));
  const decision = limiter.attempt(`${principal.issuer}|${principal.subject}`);
  if (!decision.ok) {
    throw new ApiError(
      "too_many_requests",
      `Too many changes: at most ${limit} a minute. Try again in ${decision.retryAfterSeconds} s.`,
      undefined,
      { "retry-after": String(decision.retryAfterSeconds) },
    );
  }
}

const signInLimiters = new Map<number, RateLimiter>();

/** 429 with Retry-After when one client address starts (or finishes, `step` "callback") too many sign-ins. */
export function checkSignInRate(
  clientAddress: string | null,
  settings: AuthSettings,
  step: "login" | "callback" = "login",
): void {
  const limit = settings.auth.rateLimits.signInPerMinute;
  let limiter = signInLimiters.get(limit);
  if (!limiter) signInLimiters.set(limit, (limiter = new RateLimiter(limit, 60_000)));
  const decision = limiter.attempt(`${step}|${clientAddress ?? "unknown"}`);
  if (!decision.ok) {
    throw new ApiError(
      "too_many_requests",
      `Too many sign-in attempts; try again in ${decision.retryAfterSeconds} s.`,
      undefined,
      { "retry-after": String(decision.retryAfterSeconds) },
    );
  }
}
