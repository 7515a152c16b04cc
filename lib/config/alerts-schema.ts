import { z } from "zod";

/** A destination prefix: an http(s) URL without credentials, query or fragment. */
const destinationSchema = z.url({ protocol: /^https?$/, error: "a destination must be an http(s) URL" }).refine((u) => {
  const url = new URL(u);
  return !url.username && !url.password && !url.search && !url.hash;
}, "a destination must have no credentials, query or fragment");

/**
 * `alerts`: the console's own alert engine (rules, sinks and silences are kept in the store and managed on /alerts).
 * Nothing is sent anywhere a destination here does not allow: a sink's URL must start with one of `destinations`.
 */
export const alertsConfigSchema = z.strictObject({
  /** Seconds between two evaluations of the rules (default 60). */
  intervalSeconds: z.number().int().min(1, "intervalSeconds must be at least 1").max(3600).default(60),
  /** URL prefixes sinks may send to (`https://hooks.slack.com/services/`, `http://alertmanager:9093/`); none: no sink. */
  destinations: z.array(destinationSchema).default([]),
  /** Seconds one delivery attempt may take, connection and answer included (default 10). */
  deadlineSeconds: z.number().min(1).max(60).default(10),
  /** Attempts per delivery (default 4); the waits between them double from `backoffSeconds`. */
  attempts: z.number().int().min(1).max(10).default(4),
  /** The first wait before a retry, in seconds (default 2; then 4, 8, …). */
  backoffSeconds: z.number().min(0.1).max(600).default(2),
});

export type AlertsConfig = z.output<typeof alertsConfigSchema>;
