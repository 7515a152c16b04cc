import { z } from "zod";

const days = z.coerce
  .number({ error: "agentExpiredDays must be a number of days" })
  .int("agentExpiredDays must be whole days")
  .min(0, "agentExpiredDays must not be negative")
  .max(3650, "agentExpiredDays must be at most 3650");

/** Query of `GET /api/servers/{server}/cleanup` and of the /cleanup page. */
export const cleanupQuerySchema = z.object({
  agentExpiredDays: days.default(30),
  includeControllerOwned: z
    .enum(["true", "false"], "includeControllerOwned must be true or false")
    .default("false")
    .transform((v) => v === "true"),
});

/** The body of the dry run and the apply: the selected findings' keys and the finder's options. */
export const cleanupSelectionSchema = z.strictObject(
  {
    keys: z
      .array(z.string().regex(/^(entry|agent):.{1,2048}$/, "each key is entry:<id> or agent:<SPIFFE ID>"), {
        error: "keys must be a list of finding keys",
      })
      .min(1, "Select at least one finding")
      .max(1000, "At most 1000 findings per clean-up")
      .refine((keys) => new Set(keys).size === keys.length, "keys must not repeat a finding"),
    agentExpiredDays: days.default(30),
    includeControllerOwned: z.boolean({ error: "includeControllerOwned must be true or false" }).default(false),
  },
  { error: "Send { keys, agentExpiredDays?, includeControllerOwned? }" },
);
