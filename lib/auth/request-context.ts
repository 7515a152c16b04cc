import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import { headers as nextHeaders } from "next/headers";
import { cache } from "react";

import { ApiError } from "@/lib/api/api-error";

import { authenticate } from "./authenticate";
import { limitFailedAuth } from "./failed-auth-limit";
import type { Principal } from "./principal";
import { hostProblem, readRequestInfo, type RequestInfo, requestOrigin, warnUntrustedForwarding } from "./request-info";
import { type AuthSettings, authSettings } from "./settings";

// The current request's authentication (who, from where, with which request ID), kept apart from
// the authorization check so that the audit writer can read it without importing the guard.

/** Everything the one check knows about a request. */
export type RequestAuth = {
  principal: Principal | null;
  info: RequestInfo;
  settings: AuthSettings;
  /** The origin the console is reached at for this request (links, redirects, CSRF). */
  origin: string;
  /** Whether cookies must be Secure (and the session cookie `__Host-`). */
  secure: boolean;
  /** The request's ID (set by proxy.ts), for the audit log. */
  requestId: string | null;
};

const storage = new AsyncLocalStorage<RequestAuth>();

/**
 * Authenticates a request from its headers: refuses a foreign Host (421), then finds the
 * principal (null when nobody is signed in). Used by API routes, pages and sign-in routes alike.
 */
export async function authenticateHeaders(headers: Headers): Promise<RequestAuth> {
  const settings = authSettings();
  const info = readRequestInfo(headers, settings);
  warnUntrustedForwarding(headers, info);
  const problem = hostProblem(info, settings);
  if (problem) throw new ApiError("misdirected_request", problem);
  const origin = requestOrigin(info, settings.publicOrigin);
  const secure = origin.startsWith("https:");
  const requestId = headers.get("x-request-id");
  const principal = await limitFailedAuth(headers, info.clientAddress, settings, () =>
    authenticate(headers, info, settings, secure),
  );
  return { principal, info, settings, origin, secure, requestId };
}

/** Runs `fn` with `auth` as the current request's authentication (API routes). */
export function runWithAuth<T>(auth: RequestAuth, fn: () => Promise<T>): Promise<T> {
  return storage.run(auth, fn);
}

/** Server components: authenticate once per render from the request headers. */
const pageAuth = cache(async (): Promise<RequestAuth> => authenticateHeaders(await nextHeaders()));

/** The current request's authentication: the API route's, else the page render's. */
export async function currentAuth(): Promise<RequestAuth> {
  return storage.getStore() ?? pageAuth();
}
