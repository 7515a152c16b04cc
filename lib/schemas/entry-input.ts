import { z } from "zod";

import type { EntryAdditionalAttributes, Selector } from "@/lib/spire/types";

import { selectorObjectSchema } from "./selector";
import { parseSpiffeId, trustDomainSchema } from "./spiffe-id";

/** SPIRE keeps SVID TTLs as int32 seconds (types.Entry.x509_svid_ttl / jwt_svid_ttl). */
export const MAX_TTL_SECONDS = 2_147_483_647;
/** pkg/server/api/entry.go `hintMaximumLength`. */
export const MAX_HINT_BYTES = 1024;
export const MAX_LIST_ITEMS = 100;
export const MAX_BATCH_ROWS = 1000;

/** What a caller may set on an entry: the read shape minus the server-set id, createdAt and revisionNumber. */
export type EntryInput = {
  /** A caller-chosen entry ID, on create only (entries as code); SPIRE generates one when absent. */
  id?: string;
  spiffeId: string;
  parentId: string;
  selectors: Selector[];
  x509SvidTtl?: number;
  jwtSvidTtl?: number;
  federatesWith?: string[];
  dnsNames?: string[];
  admin?: boolean;
  downstream?: boolean;
  hint?: string;
  storeSvid?: boolean;
  /** ISO-8601; null or absent means the entry never expires. */
  expiresAt?: string | null;
  /** SPIRE 1.15 per-entry flags; an omitted flag is false on create and unchanged on edit. */
  additionalAttributes?: Partial<EntryAdditionalAttributes>;
};

export type EntryField = keyof EntryInput;

export const entryFields: readonly EntryField[] = [
  "spiffeId",
  "parentId",
  "selectors",
  "x509SvidTtl",
  "jwtSvidTtl",
  "federatesWith",
  "dnsNames",
  "admin",
  "downstream",
  "hint",
  "storeSvid",
  "expiresAt",
  "additionalAttributes",
];

/** Facts about the target server that some checks need; absent facts skip those checks. */
export type EntryInputContext = {
  /** The server's trust domain: SPIFFE and parent IDs must be members of it. */
  trustDomain?: string;
  /** Trust domains the server holds a federated bundle for (`federatesWith` must be one). */
  federatedTrustDomains?: string[];
  /** "Now" in epoch milliseconds, for the entry expiry check. */
  now?: number;
};

/** Why `path` cannot be an entry's SPIFFE ID path (SPIRE's VerifyTrustDomainWorkloadID), or null. */
export function workloadPathProblem(path: string): string | null {
  if (path === "" || path === "/") return "The SPIFFE ID needs a path after the trust domain, e.g. /ns/payments/sa/api";
  const parsed = parseSpiffeId(`spiffe://x${path}`);
  if ("error" in parsed) return parsed.error;
  if (path === "/spire" || path.startsWith("/spire/")) {
    return "Paths under /spire/ are reserved for SPIRE's own agents and servers";
  }
  return null;
}

function idProblem(value: string, kind: "spiffeId" | "parentId", trustDomain?: string): string | null {
  const parsed = parseSpiffeId(value);
  if ("error" in parsed) return parsed.error;
  if (trustDomain && parsed.trustDomain !== trustDomain) {
    const what = kind === "spiffeId" ? "The SPIFFE ID" : "The parent ID";
    return `${what} must be in this server's trust domain ${trustDomain}, not ${parsed.trustDomain}`;
  }
  if (kind === "spiffeId") return workloadPathProblem(parsed.path);
  if (parsed.path === "") return "The parent ID needs a path (an agent, the server or another entry's SPIFFE ID)";
  return null;
}

const dnsLabel = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Why SPIRE's x509util.ValidateLabel would refuse `name` as a DNS SAN, or null. */
export function dnsNameProblem(name: string): string | null {
  if (name.trim() === "") return "DNS name must not be empty";
  if (!/^[\x21-\x7e]+$/.test(name)) return `DNS name '${name}' must be plain ASCII without spaces`;
  const stars = name.split("*").length - 1;
  if (stars > 1) return `DNS name '${name}' may contain at most one wildcard`;
  const bare = stars === 1 ? name.replace(/^\*\./, "") : name;
  if (stars === 1 && bare === name)
    return `DNS name '${name}': a wildcard must be the whole first label ('*.example.com')`;
  if (bare.endsWith(".")) return `DNS name '${name}' must not end with '.'`;
  if (bare.length > 253) return `DNS name '${name}' must be at most 253 characters`;
  for (const label of bare.split(".")) {
    if (!dnsLabel.test(label)) {
      return `DNS name '${name}': each label must be 1–63 letters, digits or '-', not starting or ending with '-'`;
    }
    if (label.slice(2, 4) === "--" && !/^xn--/i.test(label))
      return `DNS name '${name}': '--' may only follow 'xn' in a label`;
  }
  return null;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

const ttlSchema = (label: string) =>
  z
    .number({ error: `${label} must be a number of seconds` })
    .int(`${label} must be whole seconds`)
    .min(0, `${label} must not be negative (0 means the server default)`)
    .max(MAX_TTL_SECONDS, `${label} must be at most ${MAX_TTL_SECONDS} seconds: SPIRE stores it as a 32-bit number`);

/** A federated trust domain, as `example.org` or `spiffe://example.org`; normalised to the name. */
const federatedDomainSchema = z
  .string({ error: "Each federatesWith item must be a trust domain name" })
  .transform((v) => (v.startsWith("spiffe://") ? v.slice("spiffe://".length) : v))
  .pipe(trustDomainSchema);

function fieldSchemas(ctx: EntryInputContext) {
  const id = (kind: "spiffeId" | "parentId") =>
    z.string({ error: `${kind} is required (a spiffe:// ID)` }).superRefine((value, issue) => {
      const problem = idProblem(value, kind, ctx.trustDomain);
      if (problem) issue.addIssue({ code: "custom", message: problem });
    });
  return {
    spiffeId: id("spiffeId"),
    parentId: id("parentId"),
    selectors: z
      .array(z.strictObject(selectorObjectSchema.shape, { error: unknownKeys("a selector { type, value }") }), {
        error: "selectors must be a list of { type, value }",
      })
      .min(1, "At least one selector is required")
      .max(MAX_LIST_ITEMS, `At most ${MAX_LIST_ITEMS} selectors`)
      .superRefine((list, issue) => {
        const seen = new Set<string>();
        list.forEach((s, i) => {
          const key = `${s.type}:${s.value}`;
          if (seen.has(key)) issue.addIssue({ code: "custom", path: [i], message: `Selector ${key} is listed twice` });
          seen.add(key);
        });
      }),
    x509SvidTtl: ttlSchema("X.509-SVID TTL").optional(),
    jwtSvidTtl: ttlSchema("JWT-SVID TTL").optional(),
    federatesWith: z
      .array(federatedDomainSchema, { error: "federatesWith must be a list of trust domains" })
      .max(MAX_LIST_ITEMS, `At most ${MAX_LIST_ITEMS} trust domains`)
      .superRefine((list, issue) => {
        list.forEach((td, i) => {
          const problem = federationProblem(td, ctx);
          if (problem) issue.addIssue({ code: "custom", path: [i], message: problem });
        });
      })
      .optional(),
    dnsNames: z
      .array(z.string({ error: "Each DNS name must be a string" }), { error: "dnsNames must be a list of DNS names" })
      .max(MAX_LIST_ITEMS, `At most ${MAX_LIST_ITEMS} DNS names`)
      .superRefine((list, issue) => {
        list.forEach((name, i) => {
          const problem = dnsNameProblem(name);
          if (problem) issue.addIssue({ code: "custom", path: [i], message: problem });
        });
      })
      .optional(),
    admin: z.boolean({ error: "admin must be true or false" }).optional(),
    downstream: z.boolean({ error: "downstream must be true or false" }).optional(),
    storeSvid: z.boolean({ error: "storeSvid must be true or false" }).optional(),
    hint: z
      .string({ error: "hint must be a string" })
      .refine((h) => utf8Length(h) <= MAX_HINT_BYTES, `Hint must be at most ${MAX_HINT_BYTES} bytes (SPIRE's limit)`)
      .optional(),
    expiresAt: z.iso
      .datetime({ offset: true, error: "expiresAt must be an ISO-8601 time, e.g. 2030-01-31T00:00:00Z" })
      .refine((iso) => Date.parse(iso) > (ctx.now ?? Date.now()), "The entry expiry must be in the future")
      .nullable()
      .optional(),
    additionalAttributes: z
      .strictObject(
        {
          disableX509SvidPrefetch: z.boolean({ error: "disableX509SvidPrefetch must be true or false" }).optional(),
          jwtSvidIncludeJti: z.boolean({ error: "jwtSvidIncludeJti must be true or false" }).optional(),
        },
        { error: unknownKeys("additionalAttributes { disableX509SvidPrefetch, jwtSvidIncludeJti }") },
      )
      .optional(),
  };
}

function federationProblem(td: string, ctx: EntryInputContext): string | null {
  if (ctx.trustDomain && td === ctx.trustDomain)
    return `${td} is this server's own trust domain; federatesWith names other trust domains`;
  const known = ctx.federatedTrustDomains;
  if (known && !known.includes(td)) {
    const have = known.length ? `It holds bundles for: ${known.join(", ")}.` : "It holds no federated bundles.";
    return `The server holds no bundle for ${td}, so SPIRE would reject the entry. ${have}`;
  }
  return null;
}

/** Messages for an object schema's own issues: not an object, or fields it does not have. */
export const unknownKeys = (what: string) => (issue: { code?: string; keys?: string[] }) => {
  if (issue.code === "invalid_type") return `${what[0]!.toUpperCase()}${what.slice(1)} must be a JSON object`;
  return issue.code === "unrecognized_keys" && issue.keys
    ? `Unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")} in ${what}`
    : undefined;
};

/** SPIRE's datastore rule: with storeSvid every selector must have the same type. */
export function storeSvidProblem(entry: { storeSvid?: boolean; selectors?: Selector[] }): string | null {
  if (!entry.storeSvid || !entry.selectors?.length) return null;
  const types = new Set(entry.selectors.map((s) => s.type));
  return types.size > 1
    ? "With storeSvid every selector must have the same type (SPIRE's rule for storable SVIDs)"
    : null;
}

/** One entry to create, validated as SPIRE would and a little earlier, with clear messages. */
export function entryInputSchema(ctx: EntryInputContext = {}) {
  return z.strictObject(fieldSchemas(ctx), { error: unknownKeys("an entry") }).superRefine((entry, issue) => {
    const problem = storeSvidProblem(entry);
    if (problem) issue.addIssue({ code: "custom", path: ["storeSvid"], message: problem });
  });
}

/** The body of `PATCH .../entries/{id}`: the changed fields plus the revision they were based on. */
export function entryPatchSchema(ctx: EntryInputContext = {}) {
  return z
    .strictObject(
      {
        revisionNumber: z
          .number({ error: "revisionNumber (the revision the change is based on) is required" })
          .int("revisionNumber must be a whole number")
          .min(0, "revisionNumber must not be negative"),
        ...z.object(fieldSchemas(ctx)).partial().shape,
      },
      { error: unknownKeys("an entry change") },
    )
    .refine(
      (patch) => Object.keys(patch).some((k) => k !== "revisionNumber"),
      "Nothing to change: send at least one field",
    );
}

export type EntryPatch = Partial<EntryInput> & { revisionNumber: number };

/** An entry ID as SPIRE accepts it (validEntryIDChars, at most 255). */
export const entryIdSchema = z
  .string({ error: "An entry ID must be a string" })
  .regex(/^[A-Za-z0-9._-]{1,255}$/, "An entry ID is 1–255 letters, digits, '.', '-' or '_'");
