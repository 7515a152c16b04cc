import { z } from "zod";

import { MAX_HINT_BYTES, MAX_LIST_ITEMS, MAX_TTL_SECONDS } from "@/lib/schemas/entry-input";

import { ENTRY_SET_API_VERSION, ENTRY_SET_KIND } from "./types";

// The structure of the EntrySet document (spire-console/v1). Field values are checked again
// against the target server (trust domain, bundles, expiry) by entryInputSchema when planning;
// this schema is what editors validate with (docs/entry-set.schema.json is generated from it).

const spiffeId = z
  .string()
  .regex(/^spiffe:\/\/[a-z0-9._-]+(\/[^/]+)*$/, "Must be a spiffe:// ID")
  .describe("A SPIFFE ID, spiffe://<trust domain>/<path>");

const ttl = (what: string) =>
  z.int().min(0).max(MAX_TTL_SECONDS).describe(`${what} TTL in seconds; 0 or absent means the server default`);

/** One declared entry. */
export const declaredEntrySchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,255}$/, "An entry ID is 1–255 letters, digits, '.', '-' or '_'")
      .describe("Entry ID: matches the live entry, and is sent to SPIRE on create")
      .optional(),
    spiffeId,
    parentId: spiffeId,
    selectors: z
      .array(z.strictObject({ type: z.string().regex(/^[A-Za-z0-9_.-]+$/), value: z.string().min(1).max(1024) }))
      .min(1)
      .max(MAX_LIST_ITEMS),
    x509SvidTtl: ttl("X.509-SVID").optional(),
    jwtSvidTtl: ttl("JWT-SVID").optional(),
    federatesWith: z
      .array(z.string().regex(/^(spiffe:\/\/)?[a-z0-9._-]+$/, "A trust domain name"))
      .max(MAX_LIST_ITEMS)
      .optional(),
    dnsNames: z.array(z.string().min(1).max(253)).max(MAX_LIST_ITEMS).optional(),
    admin: z.boolean().optional(),
    downstream: z.boolean().optional(),
    hint: z.string().max(MAX_HINT_BYTES).optional(),
    storeSvid: z.boolean().optional(),
    expiresAt: z.iso.datetime({ offset: true }).nullable().describe("When the entry expires; null: never").optional(),
    additionalAttributes: z
      .strictObject({ disableX509SvidPrefetch: z.boolean().optional(), jwtSvidIncludeJti: z.boolean().optional() })
      .optional(),
  })
  .describe("A registration entry");

const federationSchema = z.strictObject({
  trustDomain: z.string().regex(/^[a-z0-9._-]+$/),
  bundleEndpointUrl: z.url(),
  bundleEndpointProfile: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("https_web") }),
    z.strictObject({ type: z.literal("https_spiffe"), endpointSpiffeId: spiffeId }),
  ]),
});

/** The whole document. */
export const entrySetSchema = z
  .strictObject({
    apiVersion: z.literal(ENTRY_SET_API_VERSION),
    kind: z.literal(ENTRY_SET_KIND),
    metadata: z.strictObject({ name: z.string().min(1).max(253), description: z.string().optional() }),
    spec: z.strictObject({
      server: z.string().min(1).describe("The console's name for the SPIRE server this file is for").optional(),
      owns: z
        .strictObject({
          entryIdPrefix: z
            .string()
            .regex(/^[A-Za-z0-9._-]+$/)
            .optional(),
          spiffeIdPrefixes: z
            .array(z.string().regex(/^spiffe:\/\/[a-z0-9._-]+(\/.*)?$/, "A spiffe:// ID prefix"))
            .optional(),
        })
        .describe("Live entries matching either are in scope: compared, reported as unmanaged, pruned")
        .default({}),
      prune: z.boolean().describe("Delete in-scope live entries this file does not declare").default(false),
      entries: z.array(declaredEntrySchema),
      federationRelationships: z.array(federationSchema).optional(),
    }),
  })
  .describe("SPIRE Console EntrySet: registration entries as code");

/** The JSON Schema editors validate with, as published in docs/entry-set.schema.json. */
export function entrySetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(entrySetSchema, { io: "input", target: "draft-2020-12" }),
    title: "SPIRE Console EntrySet (spire-console/v1)",
  };
}
