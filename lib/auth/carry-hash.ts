import "server-only";

/** Whether a request is a browser's top-level navigation (the only kind whose URL can hold a #fragment). */
export function isDocumentNavigation(request: Request): boolean {
  return request.headers.get("sec-fetch-mode") === "navigate" && request.headers.get("sec-fetch-dest") === "document";
}

/** A value for a <script> as a JS string literal that cannot close the script element. */
const scriptString = (value: string) => JSON.stringify(value).replace(/</g, "\\u003c");
const htmlAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Sign-in's first page for a browser navigation. A browser keeps a URL's #fragment through redirects but never
 * sends it, so `/kubernetes#problem-x` would come back from sign-in without its anchor. This page reads it: with
 * a fragment it starts sign-in again with the fragment in `returnTo` (which the callback returns to); without one
 * it goes on to the identity provider (`next`). The login-state cookies are set here as on the redirect. The
 * script carries the request's CSP nonce; without script, a link goes on.
 */
export function carryHashPage(next: string, returnTo: string, nonce: string, cookies: string[]): Response {
  const script =
    `(function(){var h=location.hash;location.replace(h&&h!=="#"?"/auth/login?returnTo="+` +
    `encodeURIComponent(${scriptString(returnTo)}+h):${scriptString(next)});})();`;
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing in · SPIRE Console</title>` +
    `<script nonce="${htmlAttribute(nonce)}">${script}</script></head><body>` +
    `<p>Signing in… <a href="${htmlAttribute(next)}">Continue to the identity provider</a></p></body></html>`;
  const headers = new Headers({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(html, { status: 200, headers });
}
