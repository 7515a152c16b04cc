import { z } from "zod";

import { spiffeIdSchema } from "./spiffe-id";

const booleanParam = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

/** Query of `GET /api/servers/{server}/agents/fleet` and of the Agents page: filters and an offset page. */
export const fleetQuerySchema = z.object({
  version: z.string().max(64).optional(),
  attestationType: z.string().max(256).optional(),
  expiring: z.enum(["24h", "7d", "expired"], "expiring must be 24h, 7d or expired").optional(),
  canReattest: booleanParam.optional(),
  banned: booleanParam.optional(),
  skew: z
    .enum(["current", "one-minor-behind", "too-old", "newer-than-server", "unknown"], "skew is not a known skew")
    .optional(),
  spiffeIdContains: z.string().trim().max(512).optional(),
  cluster: z
    .string()
    .trim()
    .max(253)
    .regex(/^[A-Za-z0-9._-]+$/, "cluster must be a k8s_psat cluster name")
    .optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export type FleetQuery = z.output<typeof fleetQuerySchema>;

/** The body of a bulk ban or evict: the agents, and whether to only show what would be sent. */
export const agentBatchSchema = z.strictObject(
  {
    ids: z
      .array(spiffeIdSchema, { error: "ids must be a list of agent SPIFFE IDs" })
      .min(1, "Select at least one agent")
      .max(1000, "At most 1000 agents per batch")
      .refine((ids) => new Set(ids).size === ids.length, "ids must not repeat an agent"),
    dryRun: z.boolean({ error: "dryRun must be true or false" }).default(false),
  },
  { error: "Send { ids, dryRun? }" },
);
