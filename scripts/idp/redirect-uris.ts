// Which redirect URIs the local IdP accepts for the console. Tests and the demo run the console
// on ports chosen at run time, so the port of a loopback redirect URI is free, as RFC 8252
// section 7.3 asks of servers for loopback redirects: the redirect never leaves this machine,
// a process that can listen on a loopback port already runs on it, and a code sent to the
// wrong local listener is still useless without the PKCE verifier (S256 is required) and the
// client secret. Everything else is exact: scheme http, host 127.0.0.1 or localhost (the demo
// prints http://localhost:3000), the path /auth/callback, no user info, query or fragment.
import type { Provider } from "oidc-provider";

/** Scheme and loopback host with an optional port, matched against the raw string. */
const LOOPBACK_ORIGIN = String.raw`http://(?:127\.0\.0\.1|localhost)(?::(\d{1,5}))?`;
const CALLBACK = new RegExp(`^${LOOPBACK_ORIGIN}/auth/callback$`);
const PROXY_CALLBACK = new RegExp(`^${LOOPBACK_ORIGIN}/oauth2/callback$`);

/** The second client: oauth2-proxy in front of the console (trusted-proxy tests), with its own callback path. */
export const PROXY_CLIENT_ID = "oauth2-proxy";
const POST_LOGOUT = new RegExp(`^${LOOPBACK_ORIGIN}/[^#\\s\\\\]*$`);

/** The nominal URIs the client registers; acceptance is decided by the functions below. */
export const REGISTERED_REDIRECT_URIS = ["http://127.0.0.1/auth/callback", "http://localhost/auth/callback"];
export const REGISTERED_PROXY_REDIRECT_URIS = ["http://127.0.0.1/oauth2/callback"];
export const REGISTERED_POST_LOGOUT_REDIRECT_URIS = ["http://127.0.0.1/", "http://localhost/"];

function matchesLoopback(pattern: RegExp, value: string): boolean {
  const match = pattern.exec(value);
  if (!match) return false;
  const port = match[1] === undefined ? 80 : Number(match[1]);
  return port >= 1 && port <= 65_535 && URL.canParse(value);
}

/**
 * True for exactly `http://127.0.0.1[:port]/auth/callback` and `http://localhost[:port]/auth/callback`
 * (for oauth2-proxy's client: the same with `/oauth2/callback`).
 */
export function isAllowedRedirectUri(value: string, clientId?: string): boolean {
  return matchesLoopback(clientId === PROXY_CLIENT_ID ? PROXY_CALLBACK : CALLBACK, value);
}

/** True for any path (and query) on `http://127.0.0.1[:port]` or `http://localhost[:port]`. */
export function isAllowedPostLogoutRedirectUri(value: string): boolean {
  return matchesLoopback(POST_LOGOUT, value);
}

/**
 * Replaces the provider's redirect-URI checks (exact match against the registered list; port
 * freedom only for native clients) with the loopback rules above, for every client it knows.
 */
export function installLoopbackRedirectPolicy(provider: Provider): void {
  const proto = provider.Client.prototype;
  proto.redirectUriAllowed = function (this: { clientId: string }, value: string) {
    return isAllowedRedirectUri(value, this.clientId);
  };
  proto.postLogoutRedirectUriAllowed = isAllowedPostLogoutRedirectUri;
}
