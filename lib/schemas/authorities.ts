import { z } from "zod";

import { serverParams } from "./path-params";

/** `[server]/authorities/[kind]/[step]` routes. */
export const rotationStepParams = serverParams.extend({
  kind: z.enum(["x509", "jwt", "wit"], "must be x509, jwt or wit"),
  step: z.enum(["prepare", "activate", "taint", "revoke"], "must be prepare, activate, taint or revoke"),
});

/** The body of a rotation step: the authority the caller saw the step acting on (none for prepare). */
export const rotationStepBodySchema = z.strictObject(
  {
    authorityId: z
      .string({ error: "authorityId must be the authority's ID" })
      .regex(/^[A-Za-z0-9_-]{1,128}$/, "authorityId must be an authority ID (hex subject key ID or key ID)")
      .nullable()
      .optional(),
  },
  { error: "Send { authorityId } (the authority the step acts on; omit it for prepare)" },
);
