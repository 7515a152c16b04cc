import { describe, expect, it } from "vitest";

import { consoleConfigSchema } from "./schema";

const servers = [{ name: "foo", address: "unix:///tmp/foo.sock", trustDomain: "foo.example.com" }];

describe("the auth section", () => {
  it("accepts OIDC, a trusted proxy and scoped bindings, normalising prefixes", () => {
    const config = consoleConfigSchema.parse({
      servers,
      publicOrigin: "https://console.example.com/",
      trustedProxies: ["10.0.0.0/24", "::1"],
      auth: {
        oidc: { issuer: "https://idp.example.com", clientId: "spire-console", clientSecretFile: "/run/secret" },
        trustedProxy: { addresses: ["127.0.0.1"], secretFile: "/run/proxy-secret" },
        bindings: [
          { role: "admin", groups: ["spire-admins"] },
          {
            role: "editor",
            groups: ["team-a"],
            servers: ["foo"],
            spiffeIdPrefixes: ["spiffe://foo.example.com/team-a/"],
            dnsSuffixes: ["team-a.svc.cluster.local"],
          },
          { role: "viewer", subjects: ["alice"] },
        ],
      },
    });
    expect(config.publicOrigin).toBe("https://console.example.com");
    expect(config.auth.bindings[1]?.spiffeIdPrefixes).toEqual(["spiffe://foo.example.com/team-a"]);
    expect(config.auth.oidc?.scopes).toEqual(["openid", "profile", "email", "groups"]);
    expect(config.auth.trustedProxy?.userHeader).toBe("X-Forwarded-User");
    expect(config.auth.session).toEqual({ idleMinutes: 60, absoluteHours: 12 });
  });

  it("defaults to no sign-in method and no bindings (deny by default)", () => {
    const config = consoleConfigSchema.parse({ servers });
    expect(config.auth.oidc).toBeUndefined();
    expect(config.auth.bindings).toEqual([]);
  });

  it.each([
    [{ bindings: [{ role: "admin" }] }, "auth.bindings.0.groups", "needs groups or subjects"],
    [{ bindings: [{ role: "root", groups: ["x"] }] }, "auth.bindings.0.role", "role must be one of"],
    [
      { bindings: [{ role: "editor", groups: ["x"], spiffeIdPrefixes: ["spiffe://foo/../bar"] }] },
      "auth.bindings.0.spiffeIdPrefixes.0",
      "'..'",
    ],
    [{ trustedProxy: { addresses: ["10.0.0.0/33"], secretFile: "/s" } }, "auth.trustedProxy.addresses.0", "CIDR"],
    [{ trustedProxy: { addresses: ["10.0.0.5"] } }, "auth.trustedProxy.secretFile", "not proof"],
    [
      { trustedProxy: { addresses: ["10.0.0.0/16"], secretFile: "/s" } },
      "auth.trustedProxy.addresses.0",
      "wider than /24",
    ],
    [
      { trustedProxy: { addresses: ["10.0.0.5"], idToken: { issuer: "https://idp.example.com", audience: "" } } },
      "auth.trustedProxy.idToken.audience",
      "",
    ],
    [{ oidc: { issuer: "ftp://idp", clientId: "x" } }, "auth.oidc.issuer", "http(s)"],
    [{ session: { idleMinutes: 0 } }, "auth.session.idleMinutes", ""],
  ])("names the bad field of %j", (auth, field, message) => {
    const result = consoleConfigSchema.safeParse({ servers, auth });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join(".") === field);
    expect(issue, JSON.stringify(result.error?.issues)).toBeDefined();
    expect(issue?.message).toContain(message);
  });

  it("accepts a proxy that forwards its ID token, and defaults the header to Authorization", () => {
    const config = consoleConfigSchema.parse({
      servers,
      auth: {
        trustedProxy: { addresses: ["10.1.2.3"], idToken: { issuer: "https://idp.example.com", audience: "proxy" } },
      },
    });
    expect(config.auth.trustedProxy?.idToken).toEqual({
      issuer: "https://idp.example.com",
      audience: "proxy",
      header: "Authorization",
      groupsClaim: "groups",
    });
  });

  it("refuses trusted ranges wider than /24 or /64 unless allowWideProxyRanges says so", () => {
    const wide = { servers, trustedProxies: ["10.0.0.0/23", "fd00::/63", "10.1.0.0/24", "fd00::/64"] };
    const issues = consoleConfigSchema.safeParse(wide).error?.issues ?? [];
    expect(issues.map((i) => i.path.join("."))).toEqual(["trustedProxies.0", "trustedProxies.1"]);
    expect(issues[0]?.message).toMatch(/wider than \/24.*allowWideProxyRanges/);
    expect(issues[1]?.message).toMatch(/wider than \/64/);
    expect(consoleConfigSchema.safeParse({ ...wide, allowWideProxyRanges: true }).success).toBe(true);
  });

  it("refuses a publicOrigin with a path", () => {
    const result = consoleConfigSchema.safeParse({ servers, publicOrigin: "https://example.com/console" });
    expect(result.error?.issues[0]?.path).toEqual(["publicOrigin"]);
  });
});
