// Signing in over HTTP through the local OpenID provider's real login form, with no browser: a
// user agent that keeps cookies per origin, and the form post. Used by the tests of sessions and
// callbacks and by `npm run bench:load`, whose session users sign in this way.

/** A user agent that keeps cookies per origin and never follows redirects by itself. */
export class CookieAgent {
  readonly jar = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    let cookies = this.jar.get(origin);
    if (!cookies) this.jar.set(origin, (cookies = new Map()));
    return cookies;
  }

  /** The `cookie` header this agent sends to `origin` (empty when it holds none). */
  cookieHeader(origin: string): string {
    return [...this.cookies(origin)].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(target.origin);
    if (cookie && !headers.has("cookie")) headers.set("cookie", cookie);
    const response = await fetch(target, { ...init, headers, redirect: "manual" });
    const cookies = this.cookies(target.origin);
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
 * Follows `start` to the provider's real login form, posts the user's password and follows the
 * redirects back until `stopAt` matches or an answer that is not a redirect (e.g. oauth2-proxy's upstream).
 */
export async function signInThroughForm(
  agent: CookieAgent,
  start: string,
  user: { username: string; password: string },
  stopAt?: (next: URL) => boolean,
): Promise<{ response: Response; url: URL }> {
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

/** The console's session cookie. */
export const SESSION_COOKIE = "spire-console-session";

/**
 * Signs in through the console's /auth/login and the provider's form, stopping before the console's
 * callback. Returns the agent (with the console's login-state cookie) and the callback URL to finish with.
 */
export async function signInUntilCallback(
  consoleUrl: string,
  user: { username: string; password: string },
  returnTo = "/",
): Promise<{ agent: CookieAgent; callback: URL }> {
  const agent = new CookieAgent();
  const isCallback = (u: URL) => u.origin === consoleUrl && u.pathname === "/auth/callback";
  const start = `${consoleUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
  const done = await signInThroughForm(agent, start, user, isCallback);
  if (!isCallback(done.url)) throw new Error(`sign-in did not reach the callback (ended at ${done.url})`);
  return { agent, callback: done.url };
}

/** Signs in to the console at `consoleUrl`; returns the agent holding the session cookie. */
export async function signInToConsole(
  consoleUrl: string,
  user: { username: string; password: string },
): Promise<CookieAgent> {
  const { agent, callback } = await signInUntilCallback(consoleUrl, user);
  const finished = await agent.request(callback);
  if (finished.status !== 303 || !agent.cookies(consoleUrl).has(SESSION_COOKIE)) {
    throw new Error(`the callback did not start a session (HTTP ${finished.status})`);
  }
  return agent;
}
