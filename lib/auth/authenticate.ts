import "server-only";

import { ApiError } from "@/lib/api/api-error";

import { principalForBearer } from "./api-tokens";
import { userBindings } from "./bindings";
import { readCookie, sessionCookieName } from "./cookies";
import type { Principal } from "./principal";
import { proxyPrincipal } from "./proxy-principal";
import type { RequestInfo } from "./request-info";
import { readSession } from "./session";
import type { AuthSettings } from "./settings";

function bearerOf(headers: Headers): string | null {
  const value = headers.get("authorization");
  if (value === null) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{16,512})$/.exec(value);
  if (!match) throw new ApiError("unauthenticated", "The Authorization header must be 'Bearer <token>'.");
  return match[1]!;
}

/**
 * Who sent the request: a user asserted (with proof) by the trusted proxy, else a bearer token
 * (the bootstrap token or an API token), else the session cookie. Null when nothing identifies the caller;
 * a bearer token that is present but not valid is a 401 (never silently ignored).
 */
export async function authenticate(
  headers: Headers,
  info: RequestInfo,
  settings: AuthSettings,
  secure: boolean,
): Promise<Principal | null> {
  const proxied = await proxyPrincipal(headers, info, settings);
  if (proxied) return proxied;
  const bearer = bearerOf(headers);
  if (bearer) return principalForBearer(bearer);
  const cookie = readCookie(headers.get("cookie"), sessionCookieName(secure));
  if (!cookie) return null;
  const session = await readSession(cookie, settings);
  if (!session) return null;
  return {
    kind: "user",
    method: session.method,
    subject: session.subject,
    issuer: session.issuer,
    name: session.name,
    email: session.email,
    groups: session.groups,
    tokenId: null,
    bindings: userBindings(settings.auth.bindings, session),
  };
}
