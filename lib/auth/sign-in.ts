import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { auditError, recordEvent } from "@/lib/audit/write-audit";
import { recordSignIn } from "@/lib/metrics/record";

import { carryHashPage, isDocumentNavigation } from "./carry-hash";
import { loginCookieName, readCookie, sessionCookieName, setCookie } from "./cookies";
import { logText } from "./log-text";
import { endSessionUrl, finishLogin, type LoginState, startLogin } from "./oidc";
import { authenticateHeaders, type RequestAuth } from "./request-context";
import { checkSignInRate } from "./request-guards";
import { safeReturnTo } from "./return-to";
import { deriveKey, seal, unseal } from "./sealed";
import { createSession, destroySession } from "./session";
import { oidcClientSecret } from "./settings";
import { consumeLoginState } from "./used-login-states";

/** What sign-in and sign-out records are about. */
const sessionTarget = { type: "session", id: null, spiffeId: null };

/** How long a sign-in may take between /auth/login and /auth/callback. */
const LOGIN_TTL_MS = 10 * 60_000;

/** Why a sign-in page shows an error (a fixed list: the page never echoes request text). */
export type SignInProblem = "expired" | "provider" | "not-configured" | "rate-limited" | "refused";

function loginKey(auth: RequestAuth): Buffer {
  const secret = oidcClientSecret(auth.settings.auth);
  if (!secret) throw new ApiError("not_configured", "OIDC has no client secret.");
  return deriveKey(secret, "login-state v1");
}

/** A 303 to `location` that also sets the given cookies. */
export function seeOther(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(null, { status: 303, headers });
}

/** The sign-in error page for a problem (its text lives in the page, keyed by the problem). */
export function problemPage(auth: Pick<RequestAuth, "origin">, problem: SignInProblem, returnTo = "/"): Response {
  return seeOther(`${auth.origin}/auth/error?reason=${problem}&returnTo=${encodeURIComponent(returnTo)}`);
}

/** 429 with Retry-After and a short page saying when to try again (no script, no outside assets). */
function tooManySignIns(error: ApiError): Response {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too many sign-in attempts</title></head>` +
    `<body><h1>Too many sign-in attempts</h1><p>${error.message}</p><p><a href="/auth/login">Try again</a></p></body></html>`;
  return new Response(html, {
    status: 429,
    headers: { ...error.headers, "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

function withCookie(response: Response, cookie: string): Response {
  response.headers.append("set-cookie", cookie);
  return response;
}

/** Maps a sign-in failure to its problem page (details go to the log, never to the browser). */
function problemFor(error: unknown): SignInProblem {
  if (error instanceof ApiError) {
    if (error.code === "too_many_requests") return "rate-limited";
    if (error.code === "not_configured") return "not-configured";
    if (error.code === "unavailable") return "provider";
  }
  if (!(error instanceof ApiError)) console.error(`[auth] sign-in failed: ${logText(error)}`);
  return "refused";
}

/** Wraps a sign-in route: a refused request (foreign Host, bad header) gets its status and a plain message. */
export function signInRoute(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handler(request);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 500;
      if (!(error instanceof ApiError)) console.error("[auth] sign-in route failed", error);
      const message = error instanceof ApiError ? error.message : "Sign-in failed; see the console's server log.";
      const headers = {
        ...(error instanceof ApiError ? error.headers : {}),
        "content-type": "text/plain; charset=utf-8",
      };
      return new Response(message, { status, headers });
    }
  };
}

/** GET /auth/login: starts the OIDC sign-in (full-page redirect to the provider). */
export async function beginSignIn(request: Request): Promise<Response> {
  const auth = await authenticateHeaders(request.headers);
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get("returnTo"));
  if (auth.principal) return seeOther(`${auth.origin}${returnTo}`);
  try {
    checkSignInRate(auth.info.clientAddress, auth.settings);
  } catch (error) {
    if (error instanceof ApiError) return tooManySignIns(error);
    throw error;
  }
  try {
    const { url, state } = await startLogin(auth.settings.auth, `${auth.origin}/auth/callback`, returnTo);
    const sealed = seal(state, loginKey(auth), LOGIN_TTL_MS, loginCookieName(auth.secure));
    const cookies = [setCookie(loginCookieName(auth.secure), sealed, auth.secure, LOGIN_TTL_MS / 1000)];
    // A browser's #anchor (never sent) is read by a page first, so it survives sign-in.
    if (isDocumentNavigation(request) && !returnTo.includes("#")) {
      return carryHashPage(url.href, returnTo, request.headers.get("x-nonce") ?? "", cookies);
    }
    return seeOther(url.href, cookies);
  } catch (error) {
    return problemPage(auth, problemFor(error), returnTo);
  }
}

function readLoginCookie(request: Request, auth: RequestAuth): LoginState | null {
  const name = loginCookieName(auth.secure);
  const raw = readCookie(request.headers.get("cookie"), name);
  return raw ? unseal<LoginState>(raw, loginKey(auth), name) : null;
}

/**
 * GET /auth/callback: finishes the sign-in. The login state comes from the sealed cookie (so any
 * replica can finish it) and is cleared at once, so the same callback cannot be replayed.
 */
export async function completeSignIn(request: Request): Promise<Response> {
  const auth = await authenticateHeaders(request.headers);
  const clearLogin = setCookie(loginCookieName(auth.secure), "", auth.secure, 0);
  try {
    checkSignInRate(auth.info.clientAddress, auth.settings, "callback");
  } catch (error) {
    if (error instanceof ApiError) return withCookie(tooManySignIns(error), clearLogin);
    throw error;
  }
  try {
    // The sealed state is single-use across replicas (the store records it): a second callback with the same
    // login cookie is refused before the provider.
    const login = readLoginCookie(request, auth);
    if (
      !login ||
      login.redirectUri !== `${auth.origin}/auth/callback` ||
      !(await consumeLoginState(login.state, Date.now() + LOGIN_TTL_MS))
    ) {
      recordSignIn("failure");
      await recordEvent(
        { action: "auth.sign-in", target: sessionTarget },
        {
          outcome: "denied",
          error: { code: "unauthenticated", message: "login state missing, expired or already used" },
        },
        null,
      );
      return seeOther(`${auth.origin}/auth/error?reason=expired`, [clearLogin]);
    }
    const callbackUrl = new URL(`${auth.origin}/auth/callback${new URL(request.url).search}`);
    const identity = await finishLogin(auth.settings.auth, callbackUrl, login);
    const session = await createSession({ ...identity, method: "oidc" }, auth.settings);
    recordSignIn("success");
    await recordEvent(
      { action: "auth.sign-in", target: sessionTarget, after: { name: identity.name, groups: identity.groups } },
      { outcome: "ok" },
      {
        kind: "user",
        method: "oidc",
        issuer: identity.issuer,
        subject: identity.subject,
        name: identity.name,
        groups: identity.groups,
        tokenId: null,
      },
    );
    return seeOther(`${auth.origin}${safeReturnTo(login.returnTo)}`, [
      clearLogin,
      setCookie(sessionCookieName(auth.secure), session.value, auth.secure, session.maxAgeSeconds),
    ]);
  } catch (error) {
    recordSignIn("failure");
    await recordEvent(
      { action: "auth.sign-in", target: sessionTarget },
      { outcome: "denied", error: auditError(error) },
      null,
    );
    return withCookie(problemPage(auth, problemFor(error)), clearLogin);
  }
}

/**
 * POST /auth/logout: ends the console session (Origin-checked like every change) and, when the
 * provider offers RP-initiated logout, the provider's session too: a 303 there, or for a script
 * (Accept: application/json) `{ location }` to go to next.
 */
export async function signOut(request: Request): Promise<Response> {
  const auth = await authenticateHeaders(request.headers);
  if (request.headers.get("origin") !== auth.origin) {
    return new Response("Sign out from the console itself.", { status: 403 });
  }
  const value = readCookie(request.headers.get("cookie"), sessionCookieName(auth.secure));
  const session = value ? await destroySession(value) : null;
  if (session) {
    await recordEvent(
      { action: "auth.sign-out", target: sessionTarget },
      { outcome: "ok" },
      {
        kind: "user",
        method: session.method,
        issuer: session.issuer,
        subject: session.subject,
        name: session.name,
        groups: session.groups,
        tokenId: null,
      },
    );
  }
  const cleared = setCookie(sessionCookieName(auth.secure), "", auth.secure, 0);
  const signedOut = `${auth.origin}/auth/signed-out`;
  const provider =
    session?.method === "oidc" ? await endSessionUrl(auth.settings.auth, session.idToken, signedOut) : null;
  const location = provider?.href ?? signedOut;
  if (request.headers.get("accept")?.includes("application/json")) {
    return Response.json({ location }, { headers: { "set-cookie": cleared, "cache-control": "no-store" } });
  }
  return seeOther(location, [cleared]);
}
