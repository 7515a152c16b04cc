import { z } from "zod";

/** `entriesAsCode`: the limits of the plans' mass-delete guard. */
export const entriesAsCodeConfigSchema = z.strictObject({
  /** A plan deleting more than this many entries needs `allowMassDelete` to be applied. */
  massDeleteLimit: z
    .number()
    .int("massDeleteLimit must be a whole number")
    .min(0, "massDeleteLimit must be at least 0")
    .max(1_000_000)
    .default(100),
  /** A plan deleting more than this share (percent) of its scope needs `allowMassDelete`. */
  massDeletePercent: z
    .number()
    .min(0, "massDeletePercent must be 0-100")
    .max(100, "massDeletePercent must be 0-100")
    .default(10),
});
