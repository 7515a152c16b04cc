import "server-only";

import { ApiError } from "@/lib/api/api-error";

import { principalForBearer } from "./api-tokens";
import { userBindings } from "./bindings";
import { readCookie, sessionCookieName } from "./cookies";
import type { Principal } from "./principal";
import { addressMatches, type RequestInfo } from "./request-info";
import { readSession } from "./session";
import type { AuthSettings } from "./settings";

/** Longest header value read for identity (longer values are refused, not truncated). */
const MAX_IDENTITY_HEADER = 4096;

function bearerOf(headers: Headers): string | null {
  const value = headers.get("authorization");
  if (value === null) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{16,512})$/.exec(value);
  if (!match) throw new ApiError("unauthenticated", "The Authorization header must be 'Bearer <token>'.");
  return match[1]!;
}

function identityHeader(headers: Headers, name: string | undefined): string | null {
  if (!name) return null;
  const value = headers.get(name);
  if (value !== null && value.length > MAX_IDENTITY_HEADER) {
    throw new ApiError("unauthenticated", `The ${name} header is too long.`);
  }
  return value?.trim() || null;
}

/** A user asserted by a trusted authenticating proxy (oauth2-proxy and the like), if configured and believed. */
function proxyPrincipal(headers: Headers, info: RequestInfo, settings: AuthSettings): Principal | null {
  const proxy = settings.auth.trustedProxy;
  if (!proxy || !addressMatches(info.peer, proxy.addresses)) return null;
  const user = identityHeader(headers, proxy.userHeader);
  if (!user) return null;
  const groups = (identityHeader(headers, proxy.groupsHeader) ?? "")
    .split(",")
    .map((g) => g.trim())
    .filter(Boolean);
  return {
    kind: "user",
    method: "proxy",
    subject: user,
    issuer: "trusted-proxy",
    name: identityHeader(headers, proxy.nameHeader) ?? user,
    email: identityHeader(headers, proxy.emailHeader),
    groups,
    tokenId: null,
    bindings: userBindings(settings.auth.bindings, { subject: user, groups }),
  };
}

/**
 * Who sent the request: a bearer token (the bootstrap token or an API token), else a user
 * asserted by a trusted proxy, else the session cookie. Null when nothing identifies the caller;
 * a bearer token that is present but not valid is a 401 (never silently ignored).
 */
export async function authenticate(
  headers: Headers,
  info: RequestInfo,
  settings: AuthSettings,
  secure: boolean,
): Promise<Principal | null> {
  const bearer = bearerOf(headers);
  if (bearer) return principalForBearer(bearer);
  const proxied = proxyPrincipal(headers, info, settings);
  if (proxied) return proxied;
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
