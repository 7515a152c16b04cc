/** Longest post-sign-in return path kept. */
const MAX_LENGTH = 2048;

/**
 * The path to return to after sign-in, if it is a safe local path; else "/". Only absolute paths
 * on this origin pass: never a scheme, a protocol-relative `//host`, a backslash (browsers read
 * `/\host` as `//host`), control characters, or anything that resolves to another origin.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > MAX_LENGTH) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return "/";
  try {
    const base = "http://console.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return "/";
    if (url.pathname.startsWith("/auth/")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

/** A local path to go back to after a form (`?returnTo=`), or undefined when absent or not a safe local path. */
export function localReturnTo(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const safe = safeReturnTo(value);
  return safe === "/" && value !== "/" ? undefined : safe;
}
