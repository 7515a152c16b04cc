/** A page or route of the app as the build's routes manifest lists it, e.g. `/api/servers/[server]/entries`. */
export type RoutePattern = { page: string; regex: RegExp };

type ManifestRoute = { page?: unknown; regex?: unknown };

/** The routes of a Next.js `routes-manifest.json` (static ones first, as Next matches them). */
export function compileRoutes(manifest: unknown): RoutePattern[] {
  const { staticRoutes = [], dynamicRoutes = [] } = (manifest ?? {}) as {
    staticRoutes?: ManifestRoute[];
    dynamicRoutes?: ManifestRoute[];
  };
  return [...staticRoutes, ...dynamicRoutes].flatMap((route) =>
    typeof route.page === "string" && typeof route.regex === "string"
      ? [{ page: route.page, regex: new RegExp(route.regex) }]
      : [],
  );
}

/**
 * The `route` label of a request: the page or route it reached (`/entries/[id]`, never the ID
 * itself, so the label set stays as small as the app), `/_next/static` for assets, and
 * `unmatched` for anything else (404s, probes of random paths).
 */
export function routeLabel(url: string, routes: readonly RoutePattern[]): string {
  const pathname = url.split("?")[0] || "/";
  if (pathname.startsWith("/_next/static/")) return "/_next/static";
  if (pathname.startsWith("/_next/")) return "/_next";
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return routes.find((route) => route.regex.test(trimmed))?.page ?? "unmatched";
}

const methods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The `method` label: the standard methods as sent, anything else as `other`. */
export function methodLabel(method: string | undefined): string {
  return method && methods.has(method) ? method : "other";
}
