import { z } from "zod";

import { roles } from "@/lib/auth/roles";

import { entryBoundsShape } from "./binding-bounds";
import { serverNameSchema } from "./path-params";
import { spiffeIdPrefixSchema } from "./spiffe-id";

/** How long an API token lasts when its creator does not say. */
export const TOKEN_DEFAULT_DAYS = 90;

/** One binding given to an API token: a role and optional scopes, like a config binding without `groups`. */
export const tokenBindingSchema = z.strictObject({
  role: z.enum(roles, `role must be one of ${roles.join(", ")}`),
  servers: z.array(serverNameSchema).min(1).max(50).optional(),
  spiffeIdPrefixes: z.array(spiffeIdPrefixSchema).min(1).max(50).optional(),
  dnsSuffixes: z
    .array(z.string().regex(/^\.?[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i, "must be a DNS suffix such as team-a.svc"))
    .min(1)
    .max(50)
    .optional(),
  ...entryBoundsShape,
});

/** The body of `POST /api/tokens`. */
export const tokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
  bindings: z.array(tokenBindingSchema).min(1, "Give the token at least one role").max(20),
  /** Days until the token expires; absent: 90. Every token expires. */
  expiresInDays: z.number().int().min(1, "At least 1 day").max(3650, "At most 3650 days").default(TOKEN_DEFAULT_DAYS),
});

export type TokenCreateInput = z.output<typeof tokenCreateSchema>;
export type TokenBinding = z.output<typeof tokenBindingSchema>;

/** The `[id]` segment of `/api/tokens/[id]`. */
export const tokenParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a token ID") });
