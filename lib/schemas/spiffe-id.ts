import { z } from "zod";

/** Trust domain name per the SPIFFE ID spec: lowercase letters, digits, `.`, `-`, `_`; at most 255 bytes. */
export const trustDomainSchema = z
  .string()
  .min(1, "Trust domain is required")
  .max(255, "Trust domain must be at most 255 characters")
  .regex(/^[a-z0-9._-]+$/, "Trust domain may contain only lowercase letters, digits, '.', '-' and '_'");

export type ParsedSpiffeId = { trustDomain: string; path: string };

/**
 * Explains why `path` is not a valid SPIFFE ID path, or returns null when it is.
 * Empty path is valid (the trust domain's own ID); otherwise `/seg/seg` with no empty,
 * `.` or `..` segments and only `[A-Za-z0-9._-]` characters.
 */
export function spiffePathProblem(path: string): string | null {
  if (path === "") return null;
  if (!path.startsWith("/")) return "Path must start with '/'";
  const segments = path.slice(1).split("/");
  for (const segment of segments) {
    if (segment === "") return "Path must not contain empty segments or end with '/'";
    if (segment === "." || segment === "..") return "Path segments must not be '.' or '..'";
    if (!/^[A-Za-z0-9._-]+$/.test(segment)) {
      return `Path segment '${segment}' may contain only letters, digits, '.', '-' and '_'`;
    }
  }
  return null;
}

/** Parses a SPIFFE ID string strictly per the spec, or returns the reason it is not one. */
export function parseSpiffeId(value: string): ParsedSpiffeId | { error: string } {
  if (value.length > 2048) return { error: "SPIFFE ID must be at most 2048 characters" };
  const match = /^spiffe:\/\/([^/?#]*)(\/[^?#]*)?$/.exec(value);
  if (!match) {
    if (/[?#]/.test(value)) return { error: "SPIFFE ID must not have a query or fragment" };
    return { error: "SPIFFE ID must look like spiffe://trust-domain/path" };
  }
  const trustDomain = match[1] ?? "";
  const path = match[2] ?? "";
  const td = trustDomainSchema.safeParse(trustDomain);
  if (!td.success) return { error: td.error.issues[0]?.message ?? "Invalid trust domain" };
  const pathProblem = spiffePathProblem(path);
  if (pathProblem) return { error: pathProblem };
  return { trustDomain, path };
}

/** A SPIFFE ID string, validated per the spec. */
export const spiffeIdSchema = z.string().superRefine((value, ctx) => {
  const parsed = parseSpiffeId(value);
  if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
});

/** Formats a trust domain and path back into `spiffe://td/path`. */
export function formatSpiffeId(id: ParsedSpiffeId): string {
  return `spiffe://${id.trustDomain}${id.path}`;
}

/** `spiffe://<td>/spire/server`: a SPIRE server's own ID, the root of its tree and the parent of node aliases. */
export function serverSpiffeId(trustDomain: string): string {
  return `spiffe://${trustDomain}/spire/server`;
}

/**
 * A SPIFFE-ID prefix for role scopes: a SPIFFE ID, optionally with a trailing `/`
 * (`spiffe://td/team-a/` and `spiffe://td/team-a` mean the same: that path and everything under it).
 */
export const spiffeIdPrefixSchema = z
  .string()
  .transform((value) => (value.endsWith("/") ? value.slice(0, -1) : value))
  .superRefine((value, ctx) => {
    const parsed = parseSpiffeId(value);
    if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
  });
