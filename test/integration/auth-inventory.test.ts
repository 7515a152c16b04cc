// Nothing is open by default: every route and page found on disk answers 401 / sends the browser
// to sign-in without credentials, and a viewer gets 403 from every route that changes something.
import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, inject, it } from "vitest";

import { type Action, isMutation } from "../../lib/auth/actions";
import { pageAccess } from "../../lib/auth/page-access";
import { roleActions } from "../../lib/auth/roles";
import { repoRoot } from "../../scripts/lib/console-server.ts";
import { createToken } from "../support/auth";
import { pageFiles, routeFiles, sampleUrl } from "../support/routes";

/**
 * Routes anyone may call: signing in and out must work without a session, and the kubelet's and
 * Prometheus' probes carry no credentials. The probes answer only a status and numbers
 * (test/integration/health.test.ts and metrics.test.ts check they leak nothing).
 */
const publicRoutes = new Set(["/auth/login", "/auth/callback", "/auth/logout", "/healthz", "/readyz", "/metrics"]);
/** Pages anyone may see: the sign-in error and signed-out pages. */
const publicPages = new Set(["/auth/error", "/auth/signed-out"]);

const routes = routeFiles();
const apiRoutes = routes.filter((r) => !publicRoutes.has(r.route));
const pages = pageFiles().filter((p) => !publicPages.has(p.route));

const url = (route: string) => `${inject("consoleUrl")}${sampleUrl(route)}`;

describe("the route inventory", () => {
  it("finds the routes and pages on disk", () => {
    expect(apiRoutes.length).toBeGreaterThan(25);
    expect(pages.length).toBeGreaterThan(10);
    expect(
      routes
        .filter((r) => publicRoutes.has(r.route))
        .map((r) => r.route)
        .sort(),
    ).toEqual([...publicRoutes].sort());
  });

  it("every API route goes through withApi with a declared action", () => {
    expect(apiRoutes.length).toBeGreaterThan(25);
    for (const route of apiRoutes) {
      const text = readFileSync(path.join(repoRoot, route.file), "utf8");
      expect(text, route.file).toContain("withApi(");
      expect(route.methods.length, route.file).toBeGreaterThan(0);
      for (const method of route.methods) {
        expect(route.actions[method], `${method} in ${route.file} declares no action`).toMatch(/^[a-z]+(\.[a-z]+)?$/);
      }
    }
  });

  it("every page calls requirePage() (itself or through openServerPage) and has its action declared in pageAccess", () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const text = readFileSync(path.join(repoRoot, page.file), "utf8");
      expect(text, page.file).toMatch(/await (requirePage\(\)|openServerPage\()/);
      expect(pageAccess[page.route], `${page.route} is missing from lib/auth/page-access.ts`).toBeDefined();
    }
  });
});

describe("without credentials", () => {
  for (const route of apiRoutes) {
    for (const method of route.methods) {
      it(`${method} ${route.route} answers 401 in the one error shape`, async () => {
        const response = await fetch(url(route.route), {
          method,
          headers: { "content-type": "application/json", origin: inject("consoleUrl") },
          body: method === "GET" ? undefined : "{}",
        });
        expect(response.status).toBe(401);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body).toEqual({ error: { code: "unauthenticated", message: expect.stringMatching(/sign in/i) } });
      });
    }
  }

  for (const page of pages) {
    it(`GET ${page.route} sends the browser to sign-in and back`, async () => {
      const target = sampleUrl(page.route);
      const response = await fetch(`${inject("consoleUrl")}${target}`, { redirect: "manual" });
      expect(response.status).toBe(307);
      const location = new URL(response.headers.get("location") ?? "", inject("consoleUrl"));
      expect(location.pathname).toBe("/auth/login");
      expect(location.searchParams.get("returnTo")).toBe(target);
    });
  }
});

describe("with a viewer token", () => {
  it("is refused every route that changes something", () => {
    const changing = apiRoutes.flatMap((r) => r.methods.filter((m) => m !== "GET").map((m) => r.actions[m] as Action));
    const mutations = changing.filter(isMutation);
    // An empty list would pass the loop below without checking anything.
    expect(mutations.length).toBeGreaterThan(10);
    for (const action of mutations) expect(roleActions.viewer.has(action), action).toBe(false);
  });

  let viewer = "";
  beforeAll(async () => {
    viewer = await createToken("inventory viewer", [{ role: "viewer" }]);
  });

  for (const route of apiRoutes) {
    for (const method of route.methods.filter((m) => m !== "GET")) {
      const refused = !roleActions.viewer.has(route.actions[method] as Action);
      it(`${method} ${route.route} (${route.actions[method]}) answers ${refused ? 403 : "no 403"}`, async () => {
        const response = await fetch(url(route.route), {
          method,
          headers: { authorization: `Bearer ${viewer}`, "content-type": "application/json" },
          body: "{}",
        });
        if (refused) {
          expect(response.status).toBe(403);
          expect(((await response.json()) as { error: { code: string } }).error.code).toBe("permission_denied");
        } else {
          expect(response.status).not.toBe(403);
        }
      });
    }
  }

  it("opens every read page and none of the pages that change things", async () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const response = await fetch(`${inject("consoleUrl")}${sampleUrl(page.route)}`, {
        headers: { authorization: `Bearer ${viewer}` },
      });
      const expected = roleActions.viewer.has(pageAccess[page.route]!.action) ? "not 403" : 403;
      expect(response.status === 403 ? 403 : "not 403", page.route).toBe(expected);
    }
  });
});
