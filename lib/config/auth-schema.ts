import { z } from "zod";

import { roles } from "@/lib/auth/roles";
import { entryBoundsShape } from "@/lib/schemas/binding-bounds";
import { ipFamily } from "@/lib/schemas/ip-address";
import { serverNameSchema } from "@/lib/schemas/path-params";
import { spiffeIdPrefixSchema } from "@/lib/schemas/spiffe-id";

/** An IPv4/IPv6 address or a CIDR range, e.g. `10.0.0.0/8` or `::1`. */
export const addressOrCidrSchema = z.string().refine((value) => {
  const [address, bits, ...rest] = value.split("/");
  if (rest.length > 0 || !address) return false;
  const family = ipFamily(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}, "must be an IP address or a CIDR range such as 10.0.0.0/8");

/** A header name (lowercased when used). */
const headerName = z.string().regex(/^[A-Za-z0-9-]+$/, "must be an HTTP header name");

/**
 * One role binding: who (`groups` from the identity provider and/or exact `subjects`) gets which
 * role, optionally narrowed to some servers, SPIFFE-ID path prefixes and DNS suffixes. Editors and
 * operators are also bounded on every entry field that carries power (`entryBoundsShape`).
 */
export const bindingConfigSchema = z
  .strictObject({
    role: z.enum(roles, `role must be one of ${roles.join(", ")}`),
    groups: z.array(z.string().min(1)).optional(),
    subjects: z.array(z.string().min(1)).optional(),
    servers: z.array(serverNameSchema).min(1, "servers, when given, must name at least one server").optional(),
    spiffeIdPrefixes: z.array(spiffeIdPrefixSchema).min(1).optional(),
    dnsSuffixes: z
      .array(z.string().regex(/^\.?[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i, "must be a DNS suffix such as team-a.svc"))
      .min(1)
      .optional(),
    ...entryBoundsShape,
  })
  .refine((b) => (b.groups?.length ?? 0) + (b.subjects?.length ?? 0) > 0, {
    message: "a binding needs groups or subjects to say whom it applies to",
    path: ["groups"],
  });

const oidcSchema = z.strictObject({
  /** The provider's issuer URL (https; http only on a loopback host, for local set-ups). */
  issuer: z.url({ protocol: /^https?$/, error: "issuer must be an http(s) URL" }),
  clientId: z.string().min(1),
  /** File holding the client secret (or env SPIRE_CONSOLE_OIDC_CLIENT_SECRET / _FILE). */
  clientSecretFile: z.string().min(1).optional(),
  scopes: z.array(z.string().min(1)).default(["openid", "profile", "email", "groups"]),
  /** ID-token (or userinfo) claim holding the user's groups. */
  groupsClaim: z.string().min(1).default("groups"),
  /** What the sign-in button says. */
  displayName: z.string().min(1).max(60).optional(),
});

/** The ID token an authenticating proxy forwards (oauth2-proxy `--pass-authorization-header`), checked here. */
const proxyIdTokenSchema = z.strictObject({
  /** The provider that signs the token (its discovery document names the JWKS); https, http only on loopback. */
  issuer: z.url({ protocol: /^https?$/, error: "issuer must be an http(s) URL" }),
  /** The proxy's client ID at the provider: the token's `aud` must contain it. */
  audience: z.string().min(1),
  /** Header carrying the token: `Authorization` (`Bearer <token>`) or e.g. `X-Forwarded-Access-Token`. */
  header: headerName.default("Authorization"),
  /** Claim holding the user's groups. */
  groupsClaim: z.string().min(1).default("groups"),
});

const trustedProxyAuthSchema = z
  .strictObject({
    /** Only requests from these addresses may assert a user by header. */
    addresses: z.array(addressOrCidrSchema).min(1),
    userHeader: headerName.default("X-Forwarded-User"),
    groupsHeader: headerName.default("X-Forwarded-Groups"),
    nameHeader: headerName.optional(),
    emailHeader: headerName.optional(),
    /** A shared secret the proxy adds to every request, in `secretHeader`; the value is read from this file. */
    secretFile: z.string().min(1).optional(),
    secretHeader: headerName.default("X-Proxy-Secret"),
    /** Or: the signed ID token the proxy forwards; the user and groups are then read from its claims. */
    idToken: proxyIdTokenSchema.optional(),
  })
  .refine((p) => p.secretFile !== undefined || p.idToken !== undefined, {
    message:
      "a trusted proxy needs secretFile (a shared secret header) or idToken (the ID token it forwards): " +
      "a source address alone is not proof",
    path: ["secretFile"],
  });

/** The `auth` section: how users sign in, how long sessions last, and who gets which role. */
export const authConfigSchema = z.strictObject({
  oidc: oidcSchema.optional(),
  trustedProxy: trustedProxyAuthSchema.optional(),
  session: z
    .strictObject({
      idleMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(60),
      absoluteHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30)
        .default(12),
    })
    .default({ idleMinutes: 60, absoluteHours: 12 }),
  bindings: z.array(bindingConfigSchema).default([]),
  rateLimits: z
    .strictObject({
      /** Sign-in attempts per client address per minute. */
      signInPerMinute: z.number().int().min(1).default(20),
      /** Changes per principal per minute. */
      mutationsPerMinute: z.number().int().min(1).default(120),
      /** Failed authentications (bad token, secret or ID token) per client address per minute before 429. */
      failedAuthPerMinute: z.number().int().min(1).default(10),
      /** Repeated denials from one address within this many seconds are folded into one audit record. */
      denialFoldSeconds: z.number().int().min(1).max(3600).default(60),
    })
    .default({ signInPerMinute: 20, mutationsPerMinute: 120, failedAuthPerMinute: 10, denialFoldSeconds: 60 }),
});

/** The widest trusted range without `allowWideProxyRanges`: /24 for IPv4, /64 for IPv6. */
export const NARROWEST_PROXY_PREFIX = { 4: 24, 6: 64 } as const;

/** Why `range` is too wide to trust without `allowWideProxyRanges`, or null (plain addresses never are). */
export function wideRangeProblem(range: string): string | null {
  const [address = "", bits] = range.split("/");
  if (bits === undefined) return null;
  const family = ipFamily(address);
  if (family === 0) return null;
  const limit = NARROWEST_PROXY_PREFIX[family];
  return Number(bits) < limit
    ? `${range} is wider than /${limit}: list the proxies' own addresses, or set allowWideProxyRanges: true`
    : null;
}

export type AuthConfig = z.output<typeof authConfigSchema>;
export type BindingConfig = z.output<typeof bindingConfigSchema>;
