import { z } from "zod";

/** The body of `POST /api/sessions/end`: whose sessions to end (the user's subject; `issuer` narrows it). */
export const endSessionsSchema = z.strictObject({
  subject: z.string().trim().min(1, "subject is required").max(300, "subject must be at most 300 characters"),
  issuer: z.string().trim().min(1).max(300).optional(),
});

export type EndSessionsInput = z.output<typeof endSessionsSchema>;
