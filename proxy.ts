import { randomBytes } from "node:crypto";

import { type NextRequest, NextResponse } from "next/server";

import { sessionCookieName } from "@/lib/auth/cookies";
import { hostProblem, readRequestInfo, requestOrigin } from "@/lib/auth/request-info";
import { contentSecurityPolicy, securityHeaders } from "@/lib/auth/security-headers";
import { authSettings } from "@/lib/auth/settings";

/**
 * Probes of the kubelet and Prometheus: no credentials, and no Host check either (they send the
 * pod's IP as Host). They answer only a status and numbers (see app/healthz, readyz, metrics).
 */
const probePaths = /^\/(healthz|readyz|metrics)$/;

/** Paths anyone may load: sign-in itself, static files and the probes. */
const publicPaths = [/^\/auth\//, /^\/favicon\.ico$/, /^\/icon/, /^\/_next\//, probePaths];

/**
 * In front of every request: refuses a foreign Host (DNS rebinding), gives every response a
 * nonce-based CSP and the security headers, keeps data off shared caches, and sends a browser
 * with no credentials at all to sign-in (pages then run the one authorization check themselves).
 */
export function proxy(request: NextRequest): NextResponse {
  const settings = authSettings();
  const info = readRequestInfo(request.headers, settings);
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  const problem = probePaths.test(pathname) ? null : hostProblem(info, settings);
  if (problem) {
    return api
      ? NextResponse.json({ error: { code: "misdirected_request", message: problem } }, { status: 421 })
      : new NextResponse(problem, { status: 421, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const origin = requestOrigin(info, settings.publicOrigin);
  const https = origin.startsWith("https:");
  const nonce = randomBytes(16).toString("base64");
  const issuer = settings.auth.oidc ? new URL(settings.auth.oidc.issuer).origin : null;
  const csp = contentSecurityPolicy(nonce, { https, identityProvider: issuer });
  const isPublic = publicPaths.some((p) => p.test(pathname));

  let response: NextResponse;
  if (!api && !isPublic && !hasCredentials(request, https, settings.auth.trustedProxy?.userHeader)) {
    response = NextResponse.redirect(`${origin}/auth/login?returnTo=${encodeURIComponent(pathname + search)}`, 307);
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set("content-security-policy", csp);
    forwarded.set("x-nonce", nonce);
    forwarded.set("x-console-path", pathname + search);
    // One ID per request, for the audit log (a client cannot choose it: it is always replaced).
    forwarded.set("x-request-id", crypto.randomUUID());
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  response.headers.set("content-security-policy", csp);
  const noStore = !pathname.startsWith("/_next/static/");
  for (const [name, value] of Object.entries(securityHeaders({ https, noStore }))) response.headers.set(name, value);
  return response;
}

/** Whether the request carries anything that could identify a caller (validated later, per page and route). */
function hasCredentials(request: NextRequest, https: boolean, proxyUserHeader: string | undefined): boolean {
  return (
    request.cookies.has(sessionCookieName(https)) ||
    request.headers.has("authorization") ||
    (proxyUserHeader !== undefined && request.headers.has(proxyUserHeader))
  );
}

export const config = { matcher: [{ source: "/((?!_next/static|_next/image).*)" }] };
