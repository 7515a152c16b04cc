import { ApiError } from "@/lib/api/api-error";
import { type EntryInputContext, entryInputSchema } from "@/lib/schemas/entry-input";

import { entryKey } from "./declared-entry";
import type { DeclaredEntry } from "./types";

type Issue = { path: string; message: string };

/**
 * Checks the declared entries as the entry form would (trust domain, DNS names, storeSvid rule,
 * expiry in the future) and refuses a file that declares one entry twice (same ID, or same SPIFFE
 * ID, parent and selectors). Throws 400 naming `spec.entries.<n>.<field>`. Pure.
 */
export function checkDeclaredEntries(entries: readonly DeclaredEntry[], ctx: EntryInputContext): void {
  const schema = entryInputSchema(ctx);
  const issues: Issue[] = [];
  const ids = new Map<string, number>();
  const keys = new Map<string, number>();
  entries.forEach((entry, n) => {
    const { id, ...fields } = entry;
    const result = schema.safeParse(fields);
    if (!result.success) {
      for (const issue of result.error.issues) {
        issues.push({ path: ["spec.entries", n, ...issue.path].join("."), message: issue.message });
      }
    }
    const seen = id ? ids.get(id) : keys.get(entryKey(entry));
    if (seen !== undefined) {
      issues.push({ path: `spec.entries.${n}`, message: `Declares the same entry as spec.entries.${seen}` });
    } else if (id) ids.set(id, n);
    else keys.set(entryKey(entry), n);
  });
  if (issues.length > 0) {
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    throw new ApiError(
      "invalid_argument",
      `Invalid entry: ${first.path}: ${first.message}${more}`,
      issues.slice(0, 100),
    );
  }
}
