import type { z } from "zod";

import { ApiError, type FieldIssue } from "./api-error";

/** Turns zod issues into the API's field issues (`path` as dotted string). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** Parses `input` with `schema`, throwing a 400 `invalid_argument` ApiError that names the fields. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = toFieldIssues(result.error);
  const first = details[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "invalid";
  throw new ApiError("invalid_argument", `Invalid ${what}: ${summary}`, details);
}
