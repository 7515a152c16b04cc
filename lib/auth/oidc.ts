import "server-only";

import { createHash } from "node:crypto";

import * as client from "openid-client";

import { ApiError } from "@/lib/api/api-error";
import type { AuthConfig } from "@/lib/config/auth-schema";

import { logText } from "./log-text";
import { oidcClientSecret } from "./settings";

type OidcConfig = NonNullable<AuthConfig["oidc"]>;

/** What the console keeps about a user after sign-in (the tokens themselves stay on the server). */
export type OidcIdentity = {
  subject: string;
  issuer: string;
  name: string;
  email: string | null;
  groups: string[];
  /** The raw ID token, kept server-side only as `id_token_hint` for RP-initiated logout. */
  idToken: string;
};

/** The login state that travels, sealed, in a short-lived cookie between /auth/login and /auth/callback. */
export type LoginState = { state: string; nonce: string; verifier: string; returnTo: string; redirectUri: string };

const loopback = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

let cached: { key: string; config: Promise<client.Configuration> } | null = null;

function notConfigured(message: string): ApiError {
  return new ApiError("not_configured", message);
}

/** The client secret, or a 503 naming where to put it. */
function secretOf(auth: AuthConfig): string {
  const secret = oidcClientSecret(auth);
  if (!secret) {
    throw notConfigured(
      "OIDC has no client secret: set SPIRE_CONSOLE_OIDC_CLIENT_SECRET(_FILE) or auth.oidc.clientSecretFile.",
    );
  }
  return secret;
}

/**
 * The provider's configuration from its discovery document, cached until the issuer, client
 * or secret changes (a failed discovery is retried on the next sign-in). Plain http is allowed
 * only for a loopback issuer (the local demo provider); anything else must be https.
 */
export function oidcConfiguration(auth: AuthConfig): Promise<client.Configuration> {
  const oidc: OidcConfig | undefined = auth.oidc;
  if (!oidc) return Promise.reject(notConfigured("OIDC sign-in is not configured (auth.oidc)."));
  const secret = secretOf(auth);
  const key = createHash("sha256").update(`${oidc.issuer}\n${oidc.clientId}\n${secret}`).digest("hex");
  if (cached?.key === key) return cached.config;
  const issuer = new URL(oidc.issuer);
  const insecure = issuer.protocol === "http:";
  if (insecure && !loopback.has(issuer.hostname)) {
    return Promise.reject(notConfigured(`The OIDC issuer ${issuer.origin} must use https (http only on loopback).`));
  }
  const config = client
    .discovery(issuer, oidc.clientId, undefined, client.ClientSecretBasic(secret), {
      execute: insecure ? [client.allowInsecureRequests] : [],
      timeout: 10,
    })
    .catch((error: unknown) => {
      cached = null;
      console.error(`[auth] OIDC discovery of ${issuer.origin} failed`, error);
      throw new ApiError("unavailable", `The identity provider ${issuer.origin} could not be reached; try again.`);
    });
  cached = { key, config };
  return config;
}

/** Starts a sign-in: the provider's authorization URL and the state to seal into the login cookie. */
export async function startLogin(
  auth: AuthConfig,
  redirectUri: string,
  returnTo: string,
): Promise<{ url: URL; state: LoginState }> {
  const config = await oidcConfiguration(auth);
  const state: LoginState = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    returnTo,
    redirectUri,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: auth.oidc!.scopes.join(" "),
    code_challenge: await client.calculatePKCECodeChallenge(state.verifier),
    code_challenge_method: "S256",
    state: state.state,
    nonce: state.nonce,
  });
  return { url, state };
}

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/** The groups claim as a list of strings (a single string counts as one group). */
export function groupsFrom(claims: Record<string, unknown>, claim: string): string[] | null {
  const value = claims[claim];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string");
  return null;
}

/**
 * Finishes a sign-in at the callback: exchanges the code (with the PKCE verifier), checks state
 * and nonce and the ID token, and reads the user's name and groups (from the ID token, else from
 * userinfo). Any failure is a 401 that says to try again; details go to the server log.
 */
export async function finishLogin(auth: AuthConfig, callbackUrl: URL, login: LoginState): Promise<OidcIdentity> {
  const config = await oidcConfiguration(auth);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: login.verifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    console.error(`[auth] OIDC callback refused: ${logText(error)}`);
    throw new ApiError("unauthenticated", "The identity provider's answer could not be verified; sign in again.");
  }
  const claims = tokens.claims() as Record<string, unknown> | undefined;
  if (!claims || typeof claims.sub !== "string") {
    throw new ApiError("unauthenticated", "The identity provider sent no ID token; sign in again.");
  }
  const groupsClaim = auth.oidc!.groupsClaim;
  let groups = groupsFrom(claims, groupsClaim);
  let info: Record<string, unknown> = {};
  if (groups === null && tokens.access_token) {
    info = (await client.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => ({}))) as Record<
      string,
      unknown
    >;
    groups = groupsFrom(info, groupsClaim);
  }
  const all = { ...info, ...claims };
  return {
    subject: claims.sub,
    issuer: String(claims.iss ?? auth.oidc!.issuer),
    name: stringClaim(all, "name") ?? stringClaim(all, "preferred_username") ?? stringClaim(all, "email") ?? claims.sub,
    email: stringClaim(all, "email"),
    groups: groups ?? [],
    idToken: tokens.id_token ?? "",
  };
}

/** Where to send the browser to end the provider's session too, if the provider offers it. */
export async function endSessionUrl(
  auth: AuthConfig,
  idToken: string | null,
  postLogoutRedirectUri: string,
): Promise<URL | null> {
  if (!auth.oidc) return null;
  const config = await oidcConfiguration(auth).catch(() => null);
  if (!config?.serverMetadata().end_session_endpoint) return null;
  const params: Record<string, string> = {
    post_logout_redirect_uri: postLogoutRedirectUri,
    client_id: auth.oidc.clientId,
  };
  if (idToken) params.id_token_hint = idToken;
  return client.buildEndSessionUrl(config, params);
}
