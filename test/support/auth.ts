// Signing in from tests: API tokens made with the run's bootstrap token, the demo users of the
// stack's OpenID provider, and a cookie-keeping HTTP client that goes through the provider's real
// login form (no browser), for the tests of sessions, callbacks and cookies.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

import { inject } from "vitest";

import type { IdpInfo } from "../../scripts/idp/start.ts";
import { consoleFetch, stackState } from "./api";

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

/** A user agent that keeps cookies per origin and never follows redirects by itself. */
export class CookieAgent {
  readonly jar = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    let cookies = this.jar.get(origin);
    if (!cookies) this.jar.set(origin, (cookies = new Map()));
    return cookies;
  }

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = this.cookies(target.origin);
    const headers = new Headers(init.headers);
    if (cookies.size && !headers.has("cookie")) {
      headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const response = await fetch(target, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(name.length + 1);
      if (!value || /max-age=0/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects (GET) until a non-redirect answer or `stopAt` matches the next URL. */
  async follow(url: string | URL, stopAt?: (next: URL) => boolean): Promise<{ response: Response; url: URL }> {
    let current = new URL(url);
    for (let hop = 0; hop < 20; hop++) {
      const response = await this.request(current);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current);
      if (stopAt?.(next)) return { response, url: next };
      current = next;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

/** The sign-in form's action on the provider's login page. */
function formAction(html: string, page: URL): URL {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no sign-in form at ${page}`);
  return new URL(action.replace(/&amp;/g, "&"), page);
}

/**
 * Signs in over HTTP through the provider's real form, stopping before the console's callback.
 * Returns the agent (with the console's login-state cookie) and the callback URL to finish with.
 */
export async function signInUntilCallback(
  username: "admin" | "editor" | "viewer",
  returnTo = "/",
  consoleUrl = inject("consoleUrl"),
): Promise<{ agent: CookieAgent; callback: URL }> {
  const agent = new CookieAgent();
  const isCallback = (u: URL) => u.origin === consoleUrl && u.pathname === "/auth/callback";
  const start = `${consoleUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
  const done = await signInThroughForm(agent, start, username, isCallback);
  if (!isCallback(done.url)) throw new Error(`sign-in did not reach the callback (ended at ${done.url})`);
  return { agent, callback: done.url };
}

/**
 * Follows `start` to the provider's real login form, posts the demo user's password and follows the
 * redirects back until `stopAt` matches or an answer that is not a redirect (e.g. oauth2-proxy's upstream).
 */
export async function signInThroughForm(
  agent: CookieAgent,
  start: string,
  username: "admin" | "editor" | "viewer",
  stopAt?: (next: URL) => boolean,
): Promise<{ response: Response; url: URL }> {
  const user = demoUser(username);
  const login = await agent.follow(start, stopAt);
  if (login.response.status !== 200) throw new Error(`expected the provider's form, got ${login.response.status}`);
  const action = formAction(await login.response.text(), login.url);
  const posted = await agent.request(action, {
    method: "POST",
    body: new URLSearchParams({ username: user.username, password: user.password }),
  });
  const next = new URL(posted.headers.get("location") ?? "", action);
  return agent.follow(next, stopAt);
}

/** Signs in over HTTP and returns the agent holding the console's session cookie. */
export async function signInOverHttp(
  username: "admin" | "editor" | "viewer",
  consoleUrl = inject("consoleUrl"),
): Promise<CookieAgent> {
  const { agent, callback } = await signInUntilCallback(username, "/", consoleUrl);
  const finished = await agent.request(callback);
  if (finished.status !== 303 || !agent.cookies(consoleUrl).has("spire-console-session")) {
    throw new Error(`the callback did not start a session (HTTP ${finished.status})`);
  }
  return agent;
}
