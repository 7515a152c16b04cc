import "server-only";

/** The JSON value in `text`, or `fallback` when the text is not JSON. */
export function parseJson(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

/** The strings of a stored JSON array; anything else reads as an empty list. */
export function parseStringArray(text: string): string[] {
  const value = parseJson(text, []);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
