import { z } from "zod";

import { entryIdSchema } from "./entry-input";
import { serverParams } from "./path-params";
import { spiffeIdSchema } from "./spiffe-id";

/** `GET .../entries/export`: the format and the scope (all, a SPIFFE-ID prefix, a subtree, a selection). */
export const exportQuerySchema = z.strictObject({
  format: z
    .enum(["console", "spire-data", "cluster-static-entry"], {
      error: "format must be console, spire-data or cluster-static-entry",
    })
    .default("console"),
  spiffeIdPrefix: z.string().startsWith("spiffe://", "spiffeIdPrefix must start with spiffe://").max(2048).optional(),
  parentId: spiffeIdSchema.optional(),
  ids: z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(entryIdSchema).min(1, "ids must name at least one entry").max(10_000, "At most 10,000 ids"))
    .optional(),
  name: z.string().trim().min(1).max(253).optional(),
  /** The console format as YAML (default) or JSON (parses ~50× faster: for files of thousands of entries). */
  as: z.enum(["yaml", "json"], { error: "as must be yaml or json" }).default("yaml"),
});

/** `GET .../plans`: the history, optionally of some statuses. */
export const planListQuerySchema = z.strictObject({
  status: z
    .string()
    .transform((text) => text.split(",").filter(Boolean))
    .pipe(z.array(z.enum(["planned", "applying", "applied", "partial", "failed"])))
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `[server]/plans/[id]` routes (plan IDs are ULIDs; anything else is simply not found). */
export const planParams = serverParams.extend({ id: z.string().regex(/^[0-9A-Za-z-]{1,64}$/, "must be a plan ID") });
