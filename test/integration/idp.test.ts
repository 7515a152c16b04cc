// The local OpenID provider (scripts/idp) over plain HTTP, no browser: discovery, its sign-in
// form, the code flow with PKCE for each demo user, the redirect-URI rules and RP-initiated
// logout. It starts its own provider in a temp dir, independent of the stack's.
import type { JsonWebKey } from "node:crypto";
import { createHash, createPublicKey, randomBytes, verify } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { IdpInfo } from "../../scripts/idp/start.ts";
import { ensureIdp, getIdpStatus, readIdpInfo, stopIdp } from "../../scripts/idp/start.ts";

const CALLBACK = "http://127.0.0.1:43210/auth/callback";
const SCOPE = "openid profile email groups";

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
  [field: string]: unknown;
}

let stackDir: string;
let idp: IdpInfo;
let discovery: Discovery;
let clientSecret: string;

const b64url = (bytes: Buffer) => bytes.toString("base64url");

/** A cookie-keeping user agent for the IdP's origin that never follows redirects itself. */
class Agent {
  private readonly cookies = new Map<string, string>();

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, idp.issuer);
    const sameOrigin = target.origin === idp.issuer;
    const headers = new Headers(init.headers);
    if (sameOrigin && this.cookies.size)
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(target, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const expired = !pair.slice(name.length + 1) || attributes.some((a) => /expires=thu, 01 jan 1970/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(name.length + 1));
    }
    return res;
  }

  postForm(url: string | URL, form: Record<string, string>): Promise<Response> {
    return this.request(url, { method: "POST", body: new URLSearchParams(form) });
  }
}

function location(res: Response): URL {
  const value = res.headers.get("location");
  if (value === null) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(value, idp.issuer);
}

/** Starts an authorization request; returns its PKCE verifier and the response. */
async function authorize(agent: Agent, params: Record<string, string> = {}) {
  const verifier = b64url(randomBytes(32));
  const url = new URL(discovery.authorization_endpoint);
  const query = {
    client_id: idp.clientId,
    response_type: "code",
    scope: SCOPE,
    redirect_uri: CALLBACK,
    state: b64url(randomBytes(12)),
    nonce: b64url(randomBytes(12)),
    code_challenge: b64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
    ...params,
  };
  for (const [key, value] of Object.entries(query)) if (value !== "") url.searchParams.set(key, value);
  return { verifier, state: query.state, nonce: query.nonce, res: await agent.request(url) };
}

/** Signs in on the login form reached from `res`; returns the callback URL with the code. */
async function signIn(agent: Agent, res: Response, username: string, password: string): Promise<URL> {
  const form = location(res);
  expect(form.pathname).toMatch(/^\/interaction\/[\w-]+$/);
  const page = await agent.request(form);
  expect(page.status).toBe(200);
  const resumed = await agent.postForm(`${form.pathname}/login`, { username, password });
  expect(resumed.status).toBe(303);
  return location(await agent.request(location(resumed)));
}

function basicAuth(secret = clientSecret): string {
  return `Basic ${btoa(`${encodeURIComponent(idp.clientId)}:${encodeURIComponent(secret)}`)}`;
}

function redeem(code: string, verifier: string, secret?: string): Promise<Response> {
  return fetch(discovery.token_endpoint, {
    method: "POST",
    headers: { authorization: basicAuth(secret) },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: CALLBACK,
      code_verifier: verifier,
    }),
  });
}

/** Verifies the ID token's RS256 signature against the provider's JWKS; returns its claims. */
async function verifyIdToken(token: string): Promise<Record<string, unknown>> {
  const [header = "", payload = "", signature = ""] = token.split(".");
  const { alg, kid } = JSON.parse(Buffer.from(header, "base64url").toString()) as { alg: string; kid: string };
  expect(alg).toBe("RS256");
  const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: JsonWebKey[] };
  const jwk = jwks.keys.find((k) => k.kid === kid);
  expect(jwk, `kid ${kid} in the JWKS`).toBeDefined();
  const key = createPublicKey({ key: jwk!, format: "jwk" });
  expect(verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"))).toBe(
    true,
  );
  return JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
}

/** The whole flow for one user; returns the token response. */
async function signInFully(username: string, scope = SCOPE) {
  const user = idp.users.find((u) => u.username === username)!;
  const agent = new Agent();
  const { verifier, state, nonce, res } = await authorize(agent, { scope });
  const callback = await signIn(agent, res, user.username, user.password);
  expect(callback.searchParams.get("state")).toBe(state);
  const token = await redeem(callback.searchParams.get("code")!, verifier);
  expect(token.status).toBe(200);
  const body = (await token.json()) as { id_token: string; access_token: string };
  return { agent, nonce, body, claims: await verifyIdToken(body.id_token) };
}

beforeAll(async () => {
  stackDir = mkdtempSync(path.join(tmpdir(), "idp-test-"));
  idp = await ensureIdp({ stackDir });
  clientSecret = readFileSync(idp.clientSecretFile, "utf8").trim();
  discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Discovery;
});

afterAll(async () => {
  if (stackDir) {
    await stopIdp({ stackDir });
    rmSync(stackDir, { recursive: true, force: true });
  }
});

describe("local OpenID provider", () => {
  it("publishes its state file, keeps secrets private and is idempotent to start", async () => {
    expect(readIdpInfo(stackDir)).toEqual(idp);
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(idp.users.map((u) => [u.username, u.name, u.groups])).toEqual([
      ["admin", "Ada Admin", ["spire-admins"]],
      ["editor", "Eddie Editor", ["team-a-editors"]],
      ["viewer", "Vera Viewer", ["spire-viewers"]],
    ]);
    for (const file of [
      idp.clientSecretFile,
      path.join(stackDir, "idp/idp.json"),
      path.join(stackDir, "idp/jwks.json"),
    ])
      expect(statSync(file).mode & 0o777, file).toBe(0o600);
    const pid = getIdpStatus({ stackDir }).pid;
    expect(pid).not.toBeNull();
    expect(await ensureIdp({ stackDir })).toEqual(idp);
    expect(getIdpStatus({ stackDir }).pid).toBe(pid);
  });

  it("serves discovery for a code flow with PKCE S256 and client_secret_basic", async () => {
    expect(discovery.issuer).toBe(idp.issuer);
    expect(discovery.response_types_supported).toEqual(["code"]);
    expect(discovery.code_challenge_methods_supported).toEqual(["S256"]);
    expect(discovery.token_endpoint_auth_methods_supported).toEqual(["client_secret_basic"]);
    expect(discovery.id_token_signing_alg_values_supported).toContain("RS256");
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(["openid", "profile", "email", "groups"]));
    expect(discovery.claims_supported).toEqual(expect.arrayContaining(["name", "email", "groups"]));
    for (const endpoint of ["authorization", "token", "userinfo", "end_session"])
      expect(discovery[`${endpoint}_endpoint`]).toMatch(new RegExp(`^${idp.issuer}/`));
  });

  it("shows its own sign-in form and rejects a wrong password", async () => {
    const agent = new Agent();
    const { res } = await authorize(agent);
    const form = location(res);
    const html = await (await agent.request(form)).text();
    expect(html).toContain('<label for="username">Username</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toMatch(/<button type="submit">Sign in<\/button>/);
    const admin = idp.users[0]!;
    const wrong = await agent.postForm(`${form.pathname}/login`, { username: "admin", password: `${admin.password}x` });
    expect(wrong.status).toBe(200);
    expect(wrong.headers.get("location")).toBeNull();
    expect(await wrong.text()).toMatch(/role="alert">Incorrect username or password\./);
    const right = await agent.postForm(`${form.pathname}/login`, { username: "admin", password: admin.password });
    expect(right.status).toBe(303);
  });

  it.each(["admin", "editor", "viewer"])("signs in %s and puts name and groups in the ID token", async (username) => {
    const user = idp.users.find((u) => u.username === username)!;
    const { body, claims, nonce } = await signInFully(username);
    expect(claims).toMatchObject({
      iss: idp.issuer,
      aud: idp.clientId,
      nonce,
      sub: `demo-${username}`,
      name: user.name,
      preferred_username: username,
      groups: user.groups,
    });
    expect(claims.email).toMatch(/@example\.com$/);
    const userinfo = await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(await userinfo.json()).toMatchObject({ sub: `demo-${username}`, name: user.name, groups: user.groups });
  });

  it("releases groups with scope profile, and neither name nor groups with openid alone", async () => {
    expect((await signInFully("editor", "openid profile")).claims.groups).toEqual(["team-a-editors"]);
    const bare = (await signInFully("editor", "openid")).claims;
    expect(bare.sub).toBe("demo-editor");
    expect(bare).not.toHaveProperty("name");
    expect(bare).not.toHaveProperty("groups");
  });

  it("requires PKCE, the right verifier and the client secret", async () => {
    const withoutPkce = await authorize(new Agent(), { code_challenge: "", code_challenge_method: "" });
    expect(location(withoutPkce.res).searchParams.get("error")).toBe("invalid_request");

    const agent = new Agent();
    const viewer = idp.users[2]!;
    const { verifier, res } = await authorize(agent);
    const code = (await signIn(agent, res, viewer.username, viewer.password)).searchParams.get("code")!;
    expect((await redeem(code, verifier, "not-the-secret")).status).toBe(401);
    const badVerifier = await redeem(code, b64url(randomBytes(32)));
    expect(await badVerifier.json()).toMatchObject({ error: "invalid_grant" });
    expect((await redeem(code, verifier)).status).toBe(200);
    expect((await redeem(code, verifier)).status).toBe(400);
  });

  it.each([
    "http://evil.example/auth/callback",
    "http://127.0.0.1.evil.example:3000/auth/callback",
    "https://127.0.0.1:3000/auth/callback",
    "http://127.0.0.1:3000/other",
    "http://127.0.0.1:3000/auth/callback?next=/",
    "http://user@127.0.0.1:3000/auth/callback",
  ])("refuses the redirect URI %s without redirecting", async (redirectUri) => {
    const { res } = await authorize(new Agent(), { redirect_uri: redirectUri });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain("redirect_uri");
  });

  it.each(["http://localhost:3000/auth/callback", "http://127.0.0.1:61234/auth/callback"])(
    "accepts the loopback redirect URI %s on any port",
    async (redirectUri) => {
      const { res } = await authorize(new Agent(), { redirect_uri: redirectUri });
      expect(location(res).pathname).toMatch(/^\/interaction\//);
    },
  );

  it("signs out through end_session and redirects to a loopback post-logout URI", async () => {
    const { agent, body } = await signInFully("viewer");
    const signedIn = await authorize(agent);
    expect(location(signedIn.res).href.startsWith(`${CALLBACK}?code=`)).toBe(true);
    const endSession = new URL(discovery.end_session_endpoint);
    endSession.searchParams.set("id_token_hint", body.id_token);
    endSession.searchParams.set("post_logout_redirect_uri", "http://evil.example/");
    expect((await agent.request(endSession)).status).toBe(400);

    endSession.searchParams.set("post_logout_redirect_uri", "http://localhost:43210/signed-out");
    endSession.searchParams.set("state", "bye");
    const confirm = await agent.request(endSession);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain(">Sign out</button>");
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    const done = await agent.postForm(action!, { xsrf: xsrf!, logout: "yes" });
    expect(location(done).href).toBe("http://localhost:43210/signed-out?state=bye");

    const again = await authorize(agent);
    expect(location(again.res).pathname).toMatch(/^\/interaction\//);
  });
});
