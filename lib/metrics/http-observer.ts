import "server-only";

import { readFileSync } from "node:fs";
import path from "node:path";

import { consoleMetrics } from "./registry";
import { compileRoutes, methodLabel, routeLabel, type RoutePattern } from "./route-label";

/** What server/request-hook.mjs calls when a response has been sent. */
type HttpObserver = (method: string | undefined, url: string | undefined, status: number, seconds: number) => void;

const globalForHook = globalThis as typeof globalThis & { __spireConsoleObserveHttp?: HttpObserver };

let routes: RoutePattern[] | undefined;

/** The app's routes from the build's routes manifest (read once; none when it cannot be read). */
function appRoutes(): RoutePattern[] {
  if (routes) return routes;
  const distDir = process.env.SPIRE_CONSOLE_DIST_DIR || ".next";
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), distDir, "routes-manifest.json");
  try {
    routes = compileRoutes(JSON.parse(readFileSync(/* turbopackIgnore: true */ file, "utf8")));
  } catch (error) {
    console.warn(`[metrics] cannot read ${file}; HTTP requests are labelled "unmatched"`, error);
    routes = [];
  }
  return routes;
}

/**
 * Lets the request hook (server/request-hook.mjs, which sees every request before Next.js and
 * every response after it) count requests by route, method and status: pages, API routes,
 * sign-in, probes, and the proxy's own answers (redirects to sign-in, 421) alike.
 */
export function installHttpObserver(): void {
  const metrics = consoleMetrics();
  globalForHook.__spireConsoleObserveHttp = (method, url, status, seconds) => {
    const labels = { route: routeLabel(url ?? "/", appRoutes()), method: methodLabel(method), status: String(status) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, seconds);
  };
}
