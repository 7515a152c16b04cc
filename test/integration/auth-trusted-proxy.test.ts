// Trusted-proxy mode and forwarded headers: a user asserted by an authenticating proxy counts only
// when the request really comes from a configured proxy address AND carries the shared secret
// (auth.trustedProxy.secretFile; the ID-token variant is proved with the real oauth2-proxy in
// auth-oauth2-proxy.test.ts), and X-Forwarded-Host/-Proto are believed only from configured
// proxies (then they decide the public origin, https and cookies).
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { type RunningConsole, startConsole } from "../support/console-server";
import { cliEntriesWithId } from "../support/spire-witness";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const proxySecret = randomBytes(24).toString("base64url");

/** Starts a console with the stack's config changed by `change`. */
async function consoleWith(name: string, change: (config: Record<string, unknown>) => void): Promise<RunningConsole> {
  const config = JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as Record<
    string,
    unknown
  >;
  change(config);
  const file = path.join(inject("stackDir"), `console-${name}-${run}.json`);
  writeFileSync(file, JSON.stringify(config));
  return startConsole({ SPIRE_CONSOLE_CONFIG: file });
}

const auth = (config: Record<string, unknown>) => config.auth as Record<string, unknown>;
const proxyBinding = { role: "admin", groups: ["proxy-admins"] };

describe("a user asserted by a trusted proxy", () => {
  let trusted: RunningConsole;
  let untrusted: RunningConsole;
  beforeAll(async () => {
    const secretFile = path.join(inject("stackDir"), `proxy-secret-${run}`);
    writeFileSync(secretFile, `${proxySecret}\n`, { mode: 0o600 });
    [trusted, untrusted] = await Promise.all([
      consoleWith("proxy-trusted", (c) => {
        auth(c).trustedProxy = { addresses: ["127.0.0.1", "::1"], secretFile };
        auth(c).bindings = [...(auth(c).bindings as unknown[]), proxyBinding];
      }),
      consoleWith("proxy-untrusted", (c) => {
        auth(c).trustedProxy = { addresses: ["10.9.8.7"], secretFile };
        auth(c).bindings = [...(auth(c).bindings as unknown[]), proxyBinding];
      }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([trusted?.stop(), untrusted?.stop()]);
  });

  const asProxy = {
    "x-forwarded-user": "alice",
    "x-forwarded-groups": "developers, proxy-admins",
    "x-proxy-secret": proxySecret,
  };

  it("is signed in with the groups the proxy sends, when the request comes from the proxy's address", async () => {
    const response = await fetch(`${trusted.url}/api/me`, { headers: asProxy });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      kind: "user",
      method: "proxy",
      name: "alice",
      groups: ["developers", "proxy-admins"],
      bindings: [{ role: "admin" }],
    });
  });

  it("gets no role without a bound group, and a page says so with 403", async () => {
    const headers = { "x-forwarded-user": "bob", "x-forwarded-groups": "developers", "x-proxy-secret": proxySecret };
    const entries = await fetch(`${trusted.url}/api/servers/foo/entries`, { headers });
    expect(entries.status).toBe(403);
    expect(((await entries.json()) as { error: { message: string } }).error.message).toMatch(/bob has no role/);
    expect((await fetch(`${trusted.url}/entries`, { headers })).status).toBe(403);
  });

  it("still needs the console's Origin for changes (the proxy's cookie is ambient too)", async () => {
    const response = await fetch(`${trusted.url}/api/servers/foo/federations/bar.example.com/refresh`, {
      method: "POST",
      headers: { ...asProxy, "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(403);
  });

  it("is not believed from any other address, even with the secret", async () => {
    const response = await fetch(`${untrusted.url}/api/me`, { headers: asProxy });
    expect(response.status).toBe(401);
  });

  it("is refused from the proxy's own address without the secret, or with a wrong one, and nothing is written", async () => {
    const spiffeId = `spiffe://foo.example.com/it-proxy-secret/${run}`;
    for (const secret of [undefined, "wrong", `${proxySecret}x`]) {
      const headers: Record<string, string> = {
        "x-forwarded-user": "alice",
        "x-forwarded-groups": "proxy-admins",
        origin: trusted.url,
        "content-type": "application/json",
      };
      if (secret) headers["x-proxy-secret"] = secret;
      const response = await fetch(`${trusted.url}/api/servers/foo/entries`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          spiffeId,
          parentId: "spiffe://foo.example.com/spire/server",
          selectors: [{ type: "unix", value: "uid:4343" }],
        }),
      });
      expect(response.status, String(secret)).toBe(401);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /X-Proxy-Secret header is missing or wrong/,
      );
    }
    expect(await cliEntriesWithId(spiffeId)).toEqual([]);
  });
});

describe("forwarded headers from a trusted proxy", () => {
  let behindProxy: RunningConsole;
  beforeAll(async () => {
    behindProxy = await consoleWith("forwarded", (c) => {
      c.publicOrigin = "https://console.example.com";
      c.trustedProxies = ["127.0.0.1", "::1"];
    });
  }, 120_000);
  afterAll(async () => {
    await behindProxy?.stop();
  });

  const forwarded = { "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" };

  it("answers the public origin the proxy forwards, with https links and __Host- Secure cookies", async () => {
    const response = await fetch(`${behindProxy.url}/auth/login?returnTo=/agents`, {
      headers: forwarded,
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.searchParams.get("redirect_uri")).toBe("https://console.example.com/auth/callback");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("__Host-spire-console-login="));
    expect(cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600; Secure$/);
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(response.headers.get("content-security-policy")).toMatch(/upgrade-insecure-requests/);
  });

  it("refuses the console's own address once a public origin is set (the proxy is the way in)", async () => {
    const response = await fetch(`${behindProxy.url}/api/me`, {
      headers: { authorization: `Bearer ${inject("consoleToken")}` },
    });
    expect(response.status).toBe(421);
  });

  it("refuses another forwarded host", async () => {
    const response = await fetch(`${behindProxy.url}/api/me`, {
      headers: { ...forwarded, "x-forwarded-host": "evil.example", authorization: `Bearer ${inject("consoleToken")}` },
    });
    expect(response.status).toBe(421);
  });
});
