import { z } from "zod";

import { ruleKinds, severities, sinkTypes } from "@/lib/alerts/types";

import { serverNameSchema } from "./path-params";

const name = z.string().trim().min(1, "Name is required").max(80, "Name must be at most 80 characters");

/** The body of `POST /api/alerts/rules` and `PATCH /api/alerts/rules/[id]`. */
export const ruleInputSchema = z.strictObject({
  name,
  kind: z.enum(ruleKinds, `kind must be one of ${ruleKinds.join(", ")}`),
  severity: z.enum(severities, `severity must be one of ${severities.join(", ")}`).default("warning"),
  enabled: z.boolean().default(true),
  servers: z.array(serverNameSchema).max(50).default([]),
  params: z
    .strictObject({
      thresholdsDays: z
        .array(z.number().positive("Each threshold must be more than 0 days").max(3650, "At most 3650 days"))
        .min(1, "Give at least one threshold")
        .max(5, "At most 5 thresholds")
        .optional(),
      withinHours: z.number().positive("Must be more than 0 hours").max(8760).optional(),
      staleWithinHours: z.number().positive("Must be more than 0 hours").max(8760).optional(),
      failuresPer5m: z.number().int().min(1, "At least 1 failure").max(1_000_000).optional(),
    })
    .default({}),
  repeatMinutes: z.number().int().min(1, "At least 1 minute").max(10_080, "At most 7 days").default(240),
});
export type RuleInput = z.output<typeof ruleInputSchema>;

const httpUrl = z.url({ protocol: /^https?$/, error: "Must be an http(s) URL" }).max(2000);

/** The body of `POST /api/alerts/sinks`. `secret` is the webhook's HMAC key (at least 16 characters). */
export const sinkInputSchema = z
  .strictObject({
    name,
    type: z.enum(sinkTypes, `type must be one of ${sinkTypes.join(", ")}`),
    url: httpUrl,
    secret: z.string().min(16, "The signing key must be at least 16 characters").max(256).optional(),
    enabled: z.boolean().default(true),
  })
  .refine((s) => s.type === "webhook" || s.secret === undefined, {
    path: ["secret"],
    message: "Only webhook sinks sign their bodies",
  });
export type SinkInput = z.output<typeof sinkInputSchema>;

/** The body of `PATCH /api/alerts/sinks/[id]`: what changes; an absent URL or key stays as it is. */
export const sinkUpdateSchema = z.strictObject({
  name: name.optional(),
  url: httpUrl.optional(),
  secret: z.string().min(16, "The signing key must be at least 16 characters").max(256).optional(),
  enabled: z.boolean().optional(),
});
export type SinkUpdate = z.output<typeof sinkUpdateSchema>;

/** The body of `POST /api/alerts/silences`. */
export const silenceInputSchema = z.strictObject({
  matchers: z
    .record(
      z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/, "A label name is letters, digits and _"),
      z.string().min(1, "A matcher needs a value").max(500),
    )
    .refine((m) => Object.keys(m).length > 0, "Give at least one label to match")
    .refine((m) => Object.keys(m).length <= 20, "At most 20 labels"),
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500),
  durationMinutes: z.number().int().min(1, "At least 1 minute").max(43_200, "At most 30 days"),
});
export type SilenceInput = z.output<typeof silenceInputSchema>;

/** The `[id]` segment of the alert routes. */
export const alertIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be an ID") });
