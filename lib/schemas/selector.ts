import { z } from "zod";

import type { Selector } from "@/lib/spire/types";

const selectorType = /^[A-Za-z0-9_.-]+$/;

/** Splits `type:value` at the first colon, or explains why it is not a selector. */
export function parseSelector(text: string): Selector | { error: string } {
  const colon = text.indexOf(":");
  if (colon <= 0) return { error: `Selector '${text}' must be type:value, e.g. unix:uid:1000 or k8s:ns:payments` };
  const type = text.slice(0, colon);
  const value = text.slice(colon + 1);
  if (!selectorType.test(type))
    return { error: `Selector type '${type}' may contain only letters, digits, '_', '.' and '-'` };
  if (value.length === 0) return { error: `Selector '${text}' has an empty value` };
  if (value.length > 1024) return { error: `Selector value must be at most 1024 characters` };
  return { type, value };
}

/** A selector written as `type:value`, parsed into `{ type, value }`. */
export const selectorStringSchema = z.string().transform((text, ctx): Selector => {
  const parsed = parseSelector(text.trim());
  if ("error" in parsed) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return parsed;
});

/** A selector as an object `{ type, value }`. */
export const selectorObjectSchema = z.strictObject({
  type: z.string().regex(selectorType, "Selector type may contain only letters, digits, '_', '.' and '-'"),
  value: z.string().min(1, "Selector value is required").max(1024, "Selector value must be at most 1024 characters"),
});

export const matchModeSchema = z.enum(["exact", "subset", "superset", "any"], {
  error: "match must be one of exact, subset, superset, any",
});
