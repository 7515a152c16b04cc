/**
 * An error as one log line that cannot forge others: its name, message and (OAuth) `error` /
 * `error_description` / `code`, JSON-escaped, so text an identity provider or a caller put in a
 * callback URL (newlines, ANSI escapes, fake `[auth]` lines) shows as quoted data.
 */
export function logText(error: unknown): string {
  if (!(error instanceof Error)) return JSON.stringify(String(error));
  const extra = error as Error & { code?: unknown; error?: unknown; error_description?: unknown };
  const fields: Record<string, string> = { name: error.name, message: error.message };
  for (const key of ["code", "error", "error_description"] as const) {
    if (typeof extra[key] === "string") fields[key] = extra[key];
  }
  // JSON.stringify escapes control characters but leaves U+2028/U+2029 and DEL: escape those too.
  return JSON.stringify(fields).replace(
    /[\u007f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
