/** The session cookie's name: `__Host-` prefixed over https (Secure, Path=/, no Domain). */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-spire-console-session" : "spire-console-session";
}

/** The sign-in state cookie's name (between /auth/login and /auth/callback). */
export function loginCookieName(secure: boolean): string {
  return secure ? "__Host-spire-console-login" : "spire-console-login";
}

/** Attributes of the console's cookies: HttpOnly, SameSite=Lax, Path=/, Secure over https. */
export function cookieAttributes(secure: boolean, maxAgeSeconds: number): string {
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}

/** A Set-Cookie value. */
export function setCookie(name: string, value: string, secure: boolean, maxAgeSeconds: number): string {
  return `${name}=${value}; ${cookieAttributes(secure, maxAgeSeconds)}`;
}

/** One cookie's value from a Cookie header, or null. */
export function readCookie(cookieHeader: string | null, name: string): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}
