import { z } from "zod";

/**
 * `expiry`: when the Expiry page and the Overview call something critical or a warning, by the
 * time left before it expires. Things SPIRE renews by itself are judged on whether renewal is on
 * track (see lib/expiry/expiry-advice.ts), not by these thresholds alone.
 */
export const expiryConfigSchema = z
  .strictObject({
    /** Less than this many hours left: critical (default 24). */
    criticalHours: z.number().positive("criticalHours must be more than 0").max(8760).default(24),
    /** Less than this many days left: warning (default 7). */
    warningDays: z.number().positive("warningDays must be more than 0").max(3650).default(7),
  })
  .refine((e) => e.criticalHours < e.warningDays * 24, {
    message: "criticalHours must be less than warningDays (in hours)",
    path: ["criticalHours"],
  });

export type ExpiryConfig = z.output<typeof expiryConfigSchema>;
