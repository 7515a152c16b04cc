import { z } from "zod";

const time = z.iso.datetime({ offset: true, error: "must be an ISO-8601 time, e.g. 2026-12-01T00:00:00Z" });

/** An optional query parameter: an empty form field counts as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** Query of `GET /api/audit` and of the /audit page. */
export const auditQuerySchema = z.object({
  actor: optional(z.string().trim().max(200)),
  server: optional(z.string().trim().max(63)),
  action: optional(z.string().trim().max(100)),
  target: optional(z.string().trim().max(2048)),
  outcome: optional(z.enum(["pending", "ok", "denied", "error"], "outcome must be pending, ok, denied or error")),
  from: optional(time),
  to: optional(time),
  /** Show intents too (by default only results and events: one row per change). */
  intents: z.enum(["true", "false"]).optional(),
  /** Page cursor: records older than this sequence number. */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(["json", "ndjson"]).default("json"),
});

export type AuditQuery = z.output<typeof auditQuerySchema>;
