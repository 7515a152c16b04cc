// oidc-provider configuration of the local IdP: the console's confidential client (and oauth2-proxy's, for
// the trusted-proxy tests, with the same secret), PKCE (S256) always,
// the demo users as accounts, `groups` in ID tokens, first-party consent granted silently,
// our own pages, no devInteractions and short lifetimes (the in-memory store is lost on restart).
import type { Configuration, KoaContextWithOIDC } from "oidc-provider";

import { PAGE_CSP, renderErrorPage, renderLogoutPage, renderSignedOutPage } from "./pages.ts";
import {
  PROXY_CLIENT_ID,
  REGISTERED_POST_LOGOUT_REDIRECT_URIS,
  REGISTERED_PROXY_REDIRECT_URIS,
  REGISTERED_REDIRECT_URIS,
} from "./redirect-uris.ts";
import type { IdpSecrets } from "./secrets.ts";
import { findUserBySub, getUserClaims } from "./users.ts";

export const CLIENT_ID = "spire-console";

/** Scopes and the claims each one releases; `groups` rides along with `profile` too. */
const CLAIMS = {
  openid: ["sub"],
  profile: ["name", "preferred_username", "groups"],
  email: ["email", "email_verified"],
  groups: ["groups"],
};

/** Sends one of our pages; the status stays what oidc-provider set (200, or the error's). */
function sendPage(ctx: KoaContextWithOIDC, html: string): void {
  ctx.type = "html";
  ctx.set("content-security-policy", PAGE_CSP);
  ctx.set("cache-control", "no-store");
  ctx.body = html;
}

/**
 * Consent for our own client is implied: the grant is created (or widened) with exactly the
 * scopes and claims requested, so the consent prompt never shows. Documented under
 * "interactions.policy" (disabling default consent checks) in oidc-provider's docs.
 */
async function loadFirstPartyGrant(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const client = oidc.client!;
  const accountId = oidc.account!.accountId;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(client.clientId);
  const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
  const reusable = existing?.accountId === accountId && existing.clientId === client.clientId;
  const grant = reusable ? existing : new oidc.provider.Grant({ accountId, clientId: client.clientId });
  grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(" "));
  grant.addOIDCClaims([...oidc.requestParamClaims]);
  await grant.save();
  return grant;
}

/** The provider configuration for the given secrets and cookie-signing key. */
export function buildConfiguration(secrets: IdpSecrets, cookieKey: string): Configuration {
  return {
    clients: [
      {
        client_id: CLIENT_ID,
        client_name: "SPIRE Console",
        client_secret: secrets.clientSecret,
        token_endpoint_auth_method: "client_secret_basic",
        response_types: ["code"],
        grant_types: ["authorization_code"],
        redirect_uris: REGISTERED_REDIRECT_URIS,
        post_logout_redirect_uris: REGISTERED_POST_LOGOUT_REDIRECT_URIS,
        id_token_signed_response_alg: "RS256",
      },
      {
        client_id: PROXY_CLIENT_ID,
        client_name: "oauth2-proxy in front of SPIRE Console",
        client_secret: secrets.clientSecret,
        token_endpoint_auth_method: "client_secret_basic",
        response_types: ["code"],
        grant_types: ["authorization_code"],
        redirect_uris: REGISTERED_PROXY_REDIRECT_URIS,
        id_token_signed_response_alg: "RS256",
      },
    ],
    clientAuthMethods: ["client_secret_basic"],
    responseTypes: ["code"],
    allowOmittingSingleRegisteredRedirectUri: false,
    pkce: { required: () => true },
    jwks: secrets.jwks,
    cookies: { keys: [cookieKey] },
    scopes: ["openid"],
    claims: CLAIMS,
    // Release scope-requested claims (name, groups, ...) in the ID token too, not only at userinfo.
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, sub: string) => {
      const user = findUserBySub(sub);
      return user ? { accountId: user.sub, claims: () => getUserClaims(user) } : undefined;
    },
    loadExistingGrant: loadFirstPartyGrant,
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => sendPage(ctx, renderLogoutPage(ctx.host, form)),
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => sendPage(ctx, renderSignedOutPage()),
      },
    },
    renderError: async (ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }) =>
      sendPage(ctx, renderErrorPage(out.error, out.error_description)),
    ttl: {
      AccessToken: 10 * 60,
      AuthorizationCode: 60,
      IdToken: 10 * 60,
      Interaction: 10 * 60,
      Session: 8 * 60 * 60,
      Grant: 8 * 60 * 60,
    },
  };
}
