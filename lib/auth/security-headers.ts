/**
 * The Content-Security-Policy of every response: scripts only from the console itself with this
 * request's nonce ('strict-dynamic' lets those load Next's chunks; no 'unsafe-inline', no eval),
 * no framing, no plugins, forms only to the console and its identity provider (sign-out redirects
 * there). Inline style attributes stay allowed: React and the virtualised lists position with them.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean; identityProvider: string | null }) {
  const formAction = ["'self'", ...(options.identityProvider ? [options.identityProvider] : [])].join(" ");
  return [
    "default-src 'self'",
    // `next dev` needs eval for its error overlay; production builds never do.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers every response gets besides the CSP. */
export function securityHeaders(options: { https: boolean; noStore: boolean }): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    ...(options.https ? { "strict-transport-security": "max-age=31536000" } : {}),
    ...(options.noStore ? { "cache-control": "no-store" } : {}),
  };
}
