// The real oauth2-proxy v7.15 in front of the console, signing users in at the stack's OpenID
// provider through its real login form and forwarding the provider's ID token, which the console
// verifies (JWKS signature, issuer, audience, expiry) before it believes anyone. Written as the
// attacks: forged X-Forwarded-* headers from another peer, the proxy's own address without a valid
// ID token (none, unsigned, another key, another audience or issuer, expired); spire-server is the
// witness that nothing was written, and the positive case (a real sign-in and write) sits beside them.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { getIdpDir, getIdpFiles } from "../../scripts/idp/paths.ts";
import { PROXY_CLIENT_ID } from "../../scripts/idp/redirect-uris.ts";
import { findFreePort } from "../../scripts/stack/ports.ts";
import { idToString } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";
import { CookieAgent, signInThroughForm } from "../support/auth";
import { type RunningConsole, startConsole } from "../support/console-server";
import { type RunningProxy, startOauth2Proxy } from "../support/oauth2-proxy";
import { requestFrom } from "../support/peer-request";
import { cliEntriesWithId } from "../support/spire-witness";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const td = "foo.example.com";
const entriesPath = "/api/servers/foo/entries";
const spiffeIdOf = (name: string) => `spiffe://${td}/it-o2p/${run}/${name}`;
const entryBody = (name: string) =>
  JSON.stringify({
    spiffeId: spiffeIdOf(name),
    parentId: `spiffe://${td}/spire/server`,
    selectors: [{ type: "unix", value: `uid:${4000 + name.length}` }],
  });

let consoleServer: RunningConsole;
let proxy: RunningProxy;
let publicOrigin: string;
const issuer = () => stackState().idp.issuer;

beforeAll(async () => {
  const port = await findFreePort();
  publicOrigin = `http://127.0.0.1:${port}`;
  const stackDir = inject("stackDir");
  const config = JSON.parse(readFileSync(path.join(stackDir, "console.json"), "utf8")) as Record<string, unknown>;
  const auth = config.auth as Record<string, unknown>;
  config.publicOrigin = publicOrigin;
  config.trustedProxies = ["127.0.0.1"];
  auth.trustedProxy = { addresses: ["127.0.0.1"], idToken: { issuer: issuer(), audience: PROXY_CLIENT_ID } };
  const file = path.join(stackDir, `console-o2p-${run}.json`);
  writeFileSync(file, JSON.stringify(config));
  consoleServer = await startConsole({ SPIRE_CONSOLE_CONFIG: file });
  proxy = await startOauth2Proxy({
    port,
    upstream: consoleServer.url,
    issuer: issuer(),
    clientSecretFile: stackState().idp.clientSecretFile,
  });
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  await consoleServer?.stop();
  const mine = await cliEntriesWithId(spiffeIdOf("through-proxy")).catch(() => []);
  for (const entry of mine) {
    await consoleFetch(`${entriesPath}/${entry.id}`, { method: "DELETE" });
  }
});

/** The IdP's own signing key (the attacker does not have it; the control case uses it to mint a valid token). */
async function idpKey() {
  const jwks = JSON.parse(readFileSync(getIdpFiles(getIdpDir(inject("stackDir"))).jwksPath, "utf8")) as {
    keys: (JWK & { kid: string })[];
  };
  const jwk = jwks.keys[0]!;
  return { key: await importJWK(jwk, "RS256"), kid: jwk.kid };
}

type Claims = { iss?: string; aud?: string; exp?: number; sub?: string };

async function idToken(claims: Claims, key?: Awaited<ReturnType<typeof idpKey>>): Promise<string> {
  const signer = key ?? (await idpKey());
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: "Ada Admin", groups: ["spire-admins"], email: "ada.admin@example.com" })
    .setProtectedHeader({ alg: "RS256", kid: signer.kid })
    .setSubject(claims.sub ?? "demo-admin")
    .setIssuer(claims.iss ?? issuer())
    .setAudience(claims.aud ?? PROXY_CLIENT_ID)
    .setIssuedAt(now - 5)
    .setExpirationTime(claims.exp ?? now + 300)
    .sign(signer.key);
}

/** An unsigned token (`alg: none`) with otherwise perfect claims. */
function unsignedToken(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: "demo-admin",
    iss: issuer(),
    aud: PROXY_CLIENT_ID,
    iat: now,
    exp: now + 300,
    groups: ["spire-admins"],
  };
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`;
}

/** What oauth2-proxy would forward for the admin, as forged by whoever sends it. */
function forgedHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    host: new URL(publicOrigin).host,
    origin: publicOrigin,
    "content-type": "application/json",
    "x-forwarded-user": "demo-admin",
    "x-forwarded-email": "ada.admin@example.com",
    "x-forwarded-groups": "spire-admins",
    "x-forwarded-preferred-username": "admin",
    "x-forwarded-for": "198.51.100.7",
    ...extra,
  };
}

describe("oauth2-proxy v7.15 in front of the console", () => {
  const agent = new CookieAgent();

  it("signs the admin in through the provider's real login form; the console believes the verified ID token", async () => {
    const start = `${publicOrigin}/oauth2/start?rd=${encodeURIComponent("/api/me")}`;
    const done = await signInThroughForm(agent, start, "admin");
    const why = `HTTP ${done.response.status} at ${done.url.pathname}\n${proxy.output().slice(-3000)}`;
    expect(done.url.href, why).toBe(`${publicOrigin}/api/me`);
    expect(done.response.status).toBe(200);
    expect(await done.response.json()).toMatchObject({
      kind: "user",
      method: "proxy",
      subject: "demo-admin",
      issuer: issuer(),
      name: "Ada Admin",
      groups: ["spire-admins"],
      bindings: [{ role: "admin" }],
    });
  });

  it("lets that user write through the proxy (the positive case), witnessed by spire-server", async () => {
    const response = await agent.request(`${publicOrigin}${entriesPath}`, {
      method: "POST",
      headers: { origin: publicOrigin, "content-type": "application/json" },
      body: entryBody("through-proxy"),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    expect((await cliEntriesWithId(spiffeIdOf("through-proxy"))).map((e) => idToString(e.spiffe_id))).toEqual([
      spiffeIdOf("through-proxy"),
    ]);
  });

  it("refuses forged X-Forwarded-* headers from any other peer, and SPIRE gets nothing", async () => {
    const spiffeId = spiffeIdOf("forged-peer");
    const write = await requestFrom("127.0.0.2", `${consoleServer.url}${entriesPath}`, {
      method: "POST",
      headers: forgedHeaders(),
      body: entryBody("forged-peer"),
    });
    expect(write.status).toBe(401);
    expect(JSON.parse(write.body)).toMatchObject({ error: { code: "unauthenticated" } });
    const me = await requestFrom("127.0.0.2", `${consoleServer.url}/api/me`, { headers: forgedHeaders() });
    expect(me.status).toBe(401);
    expect(await cliEntriesWithId(spiffeId)).toEqual([]);
  });

  it("refuses even a valid ID token from another peer (only the proxy's connection may carry one)", async () => {
    const headers = forgedHeaders({ authorization: `Bearer ${await idToken({})}` });
    const write = await requestFrom("127.0.0.2", `${consoleServer.url}${entriesPath}`, {
      method: "POST",
      headers,
      body: entryBody("stolen-token"),
    });
    expect(write.status).toBe(401);
    expect(await cliEntriesWithId(spiffeIdOf("stolen-token"))).toEqual([]);
  });

  it("refuses the proxy's own address without a valid ID token, and SPIRE gets nothing", async () => {
    const attacker = (await generateKeyPair("RS256")).privateKey;
    const { kid } = await idpKey();
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string | null, RegExp][] = [
      ["no token", null, /sent no ID token/],
      ["unsigned", unsignedToken(), /ID token was refused/],
      ["another key", await idToken({}, { key: attacker, kid }), /signature does not verify/],
      ["another audience", await idToken({ aud: "spire-console" }), /aud claim is wrong/],
      ["another issuer", await idToken({ iss: "http://127.0.0.1:1" }), /iss claim is wrong/],
      ["expired", await idToken({ exp: now - 600 }), /has expired/],
    ];
    for (const [name, token, reason] of cases) {
      const extra: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      const write = await requestFrom("127.0.0.1", `${consoleServer.url}${entriesPath}`, {
        method: "POST",
        headers: forgedHeaders(extra),
        body: entryBody(`proxy-peer-${name.replaceAll(" ", "-")}`),
      });
      expect(write.status, `${name}: ${write.body}`).toBe(401);
      expect(JSON.parse(write.body).error.message, name).toMatch(reason);
      expect(await cliEntriesWithId(spiffeIdOf(`proxy-peer-${name.replaceAll(" ", "-")}`)), name).toEqual([]);
    }
    // The control: the same request with a token the provider really signed for the proxy is believed.
    const control = await requestFrom("127.0.0.1", `${consoleServer.url}/api/me`, {
      headers: forgedHeaders({ authorization: `Bearer ${await idToken({})}` }),
    });
    expect(control.status).toBe(200);
    expect(JSON.parse(control.body)).toMatchObject({ method: "proxy", subject: "demo-admin" });
  });
});
