import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

import { ApiError } from "@/lib/api/api-error";
import type { AuthConfig } from "@/lib/config/auth-schema";

import { userBindings } from "./bindings";
import { groupsFrom } from "./oidc";
import type { Principal } from "./principal";
import { verifyProxyIdToken } from "./proxy-id-token";
import { addressMatches, type RequestInfo } from "./request-info";
import { readSecret } from "./secret-source";
import type { AuthSettings } from "./settings";

type TrustedProxy = NonNullable<AuthConfig["trustedProxy"]>;

/** Longest header value read for identity (longer values are refused, not truncated). */
const MAX_IDENTITY_HEADER = 4096;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function refused(message: string): ApiError {
  return new ApiError("unauthenticated", message);
}

function identityHeader(headers: Headers, name: string | undefined): string | null {
  if (!name) return null;
  const value = headers.get(name);
  if (value !== null && value.length > MAX_IDENTITY_HEADER) throw refused(`The ${name} header is too long.`);
  return value?.trim() || null;
}

/** The ID token the proxy forwarded: `Authorization: Bearer <JWT>` or the configured header's value. */
function forwardedIdToken(headers: Headers, proxy: TrustedProxy): string | null {
  if (!proxy.idToken) return null;
  const value = identityHeader(headers, proxy.idToken.header);
  if (!value) return null;
  const token = proxy.idToken.header.toLowerCase() === "authorization" ? /^Bearer (\S+)$/.exec(value)?.[1] : value;
  return token && JWT.test(token) ? token : null;
}

function sameSecret(sent: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

function claimText(claims: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = claims[name];
    if (typeof value === "string" && value !== "") return value;
  }
  return null;
}

function principalOf(user: Omit<Principal, "kind" | "method" | "tokenId" | "bindings">, settings: AuthSettings) {
  return {
    ...user,
    kind: "user",
    method: "proxy",
    tokenId: null,
    bindings: userBindings(settings.auth.bindings, user),
  } satisfies Principal;
}

/**
 * A user asserted by the trusted authenticating proxy (oauth2-proxy and the like). The request must
 * come from one of the proxy's addresses AND carry the proof the config asks for: the shared secret
 * header (`secretFile`) and/or the provider-signed ID token (`idToken`), whose claims then name the
 * user. Null when the request asserts nothing; a 401 when it asserts a user without the proof, or
 * from any other peer (a forged header is refused, not silently ignored).
 */
export async function proxyPrincipal(
  headers: Headers,
  info: RequestInfo,
  settings: AuthSettings,
): Promise<Principal | null> {
  const proxy = settings.auth.trustedProxy;
  if (!proxy) return null;
  const user = identityHeader(headers, proxy.userHeader);
  const secret = headers.get(proxy.secretHeader);
  if (!addressMatches(info.peer, proxy.addresses)) {
    if (user !== null || secret !== null) {
      throw refused(`${proxy.userHeader} and ${proxy.secretHeader} are believed only from the trusted proxy.`);
    }
    return null;
  }
  const idToken = forwardedIdToken(headers, proxy);
  if (user === null && secret === null && idToken === null) return null;
  if (proxy.secretFile) {
    const expected = readSecret("SPIRE_CONSOLE_PROXY_SECRET", proxy.secretFile);
    if (!expected || secret === null || !sameSecret(secret, expected)) {
      throw refused(`The trusted proxy's ${proxy.secretHeader} header is missing or wrong.`);
    }
  }
  if (proxy.idToken) {
    if (!idToken) throw refused(`The trusted proxy sent no ID token (${proxy.idToken.header}).`);
    const claims = (await verifyProxyIdToken(idToken, proxy.idToken)) as Record<string, unknown>;
    const subject = String(claims.sub);
    return principalOf(
      {
        subject,
        issuer: String(claims.iss),
        name: claimText(claims, "name", "preferred_username", "email") ?? subject,
        email: claimText(claims, "email"),
        groups: groupsFrom(claims, proxy.idToken.groupsClaim) ?? [],
      },
      settings,
    );
  }
  if (!user) throw refused(`The trusted proxy sent no ${proxy.userHeader} header.`);
  const groups = (identityHeader(headers, proxy.groupsHeader) ?? "")
    .split(",")
    .map((g) => g.trim())
    .filter(Boolean);
  const name = identityHeader(headers, proxy.nameHeader) ?? user;
  const email = identityHeader(headers, proxy.emailHeader);
  return principalOf({ subject: user, issuer: "trusted-proxy", name, email, groups }, settings);
}
