import { z } from "zod";

/**
 * One watched entry set: a file or a directory of entries-as-code documents (a mounted ConfigMap,
 * or a git checkout kept fresh by git-sync beside the console) that the console re-reads when it
 * changes and plans against the live server every `interval` seconds (drift, refresh only).
 */
export const entrySetConfigSchema = z.strictObject({
  /** Shown on the Entries as code page, in the audit log and as the `set` label of the drift gauge. */
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "name must be lowercase letters, digits and '-', at most 63 characters"),
  /** The configured server the set describes (a document naming another server is reported as an error). */
  server: z.string().min(1, "server must name a configured server"),
  /** A document (.yaml, .yml, .json) or a directory whose documents (not in hidden folders) together form the set. */
  path: z.string().min(1, "path must not be empty"),
  /** Seconds between two plans of the set (default 60); a change of the files plans it at once. */
  interval: z
    .number()
    .int("interval must be whole seconds")
    .min(1, "interval must be at least 1 second")
    .max(86_400)
    .default(60),
  /**
   * Apply the plan when the set has drifted, as the console's own principal (an editor limited to
   * this server and the set's scope), with the same guards as a person's apply: never past the
   * mass-delete guard, never an admin or downstream entry. Default false: drift is only reported.
   */
  autoApply: z.boolean().default(false),
});

/** `entrySets`: the watched sets, unique by name. */
export const entrySetsConfigSchema = z.array(entrySetConfigSchema).superRefine((sets, ctx) => {
  const seen = new Set<string>();
  sets.forEach((set, index) => {
    if (seen.has(set.name)) {
      ctx.addIssue({ code: "custom", path: [index, "name"], message: `duplicate entry set name '${set.name}'` });
    }
    seen.add(set.name);
  });
});

export type EntrySetConfig = z.output<typeof entrySetConfigSchema>;
