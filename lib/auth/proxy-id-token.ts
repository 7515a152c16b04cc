import "server-only";

import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import * as client from "openid-client";

import { ApiError } from "@/lib/api/api-error";
import type { AuthConfig } from "@/lib/config/auth-schema";

type ProxyIdToken = NonNullable<NonNullable<AuthConfig["trustedProxy"]>["idToken"]>;

/** Algorithms an ID token may be signed with (never `none`, never a shared-secret HMAC). */
const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

/** What a jose error code means, in the words of the 401. */
const reasons: Record<string, string> = {
  ERR_JWT_EXPIRED: "it has expired",
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: "its signature does not verify with the provider's keys",
  ERR_JWKS_NO_MATCHING_KEY: "no key of the provider's JWKS matches it",
  ERR_JOSE_ALG_NOT_ALLOWED: "its algorithm is not allowed",
};

const loopback = new Set(["127.0.0.1", "localhost", "[::1]"]);
const keySets = new Map<string, Promise<ReturnType<typeof createRemoteJWKSet>>>();

function refused(reason: string): ApiError {
  return new ApiError("unauthenticated", `The trusted proxy's ID token was refused: ${reason}.`);
}

/** The issuer's key set, found through its discovery document (fetched once, with a deadline; keys are cached). */
function keySetOf(config: ProxyIdToken): Promise<ReturnType<typeof createRemoteJWKSet>> {
  const cached = keySets.get(config.issuer);
  if (cached) return cached;
  const issuer = new URL(config.issuer);
  const insecure = issuer.protocol === "http:";
  if (insecure && !loopback.has(issuer.hostname)) {
    return Promise.reject(new ApiError("not_configured", `The proxy's issuer ${issuer.origin} must use https.`));
  }
  const found = client
    .discovery(issuer, config.audience, undefined, client.None(), {
      execute: insecure ? [client.allowInsecureRequests] : [],
      timeout: 10,
    })
    .then((discovered) => {
      const uri = discovered.serverMetadata().jwks_uri;
      if (!uri) throw new Error("the discovery document names no jwks_uri");
      return createRemoteJWKSet(new URL(uri), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    })
    .catch((error: unknown) => {
      keySets.delete(config.issuer);
      console.error(`[auth] discovery of the proxy's issuer ${issuer.origin} failed`, error);
      throw new ApiError("unavailable", `The identity provider ${issuer.origin} could not be reached; try again.`);
    });
  keySets.set(config.issuer, found);
  return found;
}

/**
 * Verifies the ID token a trusted proxy forwarded: signed by a key of the issuer's JWKS (an
 * asymmetric algorithm), `iss` the configured issuer, `aud` containing the proxy's client ID, not
 * expired. Returns its claims; a 401 naming what failed otherwise.
 */
export async function verifyProxyIdToken(token: string, config: ProxyIdToken): Promise<JWTPayload> {
  const keys = await keySetOf(config);
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: ALGORITHMS,
      requiredClaims: ["sub", "exp", "iat"],
      clockTolerance: 30,
    });
    return payload;
  } catch (error) {
    const { code, claim } = error as { code?: string; claim?: string };
    throw refused(
      reasons[code ?? ""] ??
        (code === "ERR_JWT_CLAIM_VALIDATION_FAILED" ? `its ${claim} claim is wrong` : "it is not a valid signed JWT"),
    );
  }
}
