// Signing in from tests: API tokens made with the run's bootstrap token, the demo users of the
// stack's OpenID provider, and a cookie-keeping HTTP client that goes through the provider's real
// login form (no browser, scripts/idp/http-sign-in.ts), for the tests of sessions, callbacks and cookies.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

import { inject } from "vitest";

import {
  CookieAgent,
  signInThroughForm as signInAs,
  signInToConsole,
  signInUntilCallback as untilCallback,
} from "../../scripts/idp/http-sign-in.ts";
import type { IdpInfo } from "../../scripts/idp/start.ts";
import { consoleFetch, stackState } from "./api";

export { CookieAgent };

export type TestBinding = {
  role: string;
  servers?: string[];
  spiffeIdPrefixes?: string[];
  dnsSuffixes?: string[];
  parentIdPrefixes?: string[];
  selectorPrefixes?: string[];
  maxX509SvidTtl?: number;
  maxJwtSvidTtl?: number;
  federatesWith?: string[];
  storeSvid?: boolean;
};

/** Creates an API token through the API (as the bootstrap admin) and returns its secret. */
export async function createToken(name: string, bindings: TestBinding[], expiresInDays?: number): Promise<string> {
  const response = await consoleFetch("/api/tokens", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, bindings, ...(expiresInDays ? { expiresInDays } : {}) }),
  });
  const body = (await response.json()) as { token?: string; summary?: { id: string } };
  if (response.status !== 201 || !body.token)
    throw new Error(`token ${name}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** A demo user of the stack's OpenID provider (admin, editor or viewer) with their password. */
export function demoUser(username: "admin" | "editor" | "viewer"): {
  username: string;
  password: string;
  name: string;
} {
  const info = JSON.parse(readFileSync(stackState().idp.infoFile, "utf8")) as IdpInfo;
  const user = info.users.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username} in ${stackState().idp.infoFile}`);
  return user;
}

/** The console's own store (SQLite in the test stack), to age sessions and tokens as time would. */
export function openConsoleDb(): DatabaseSync {
  return new DatabaseSync(path.join(inject("consoleDataDir"), "console.sqlite"));
}

/** Signs in as a demo user, stopping before the console's callback (see scripts/idp/http-sign-in.ts). */
export function signInUntilCallback(
  username: "admin" | "editor" | "viewer",
  returnTo = "/",
  consoleUrl = inject("consoleUrl"),
): Promise<{ agent: CookieAgent; callback: URL }> {
  return untilCallback(consoleUrl, demoUser(username), returnTo);
}

/** `signInThroughForm` as one of the stack's demo users. */
export function signInThroughForm(
  agent: CookieAgent,
  start: string,
  username: "admin" | "editor" | "viewer",
  stopAt?: (next: URL) => boolean,
): Promise<{ response: Response; url: URL }> {
  return signInAs(agent, start, demoUser(username), stopAt);
}

/** Signs in over HTTP and returns the agent holding the console's session cookie. */
export function signInOverHttp(
  username: "admin" | "editor" | "viewer",
  consoleUrl = inject("consoleUrl"),
): Promise<CookieAgent> {
  return signInToConsole(consoleUrl, demoUser(username));
}
