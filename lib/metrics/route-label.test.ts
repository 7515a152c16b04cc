import { describe, expect, it } from "vitest";

import { compileRoutes, methodLabel, routeLabel } from "./route-label";

// The shape of .next/routes-manifest.json (regexes as Next writes them).
const routes = compileRoutes({
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/entries", regex: "^/entries(?:/)?$" },
    { page: "/healthz", regex: "^/healthz(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/api/servers/[server]/entries", regex: "^/api/servers/([^/]+?)/entries(?:/)?$" },
    { page: "/api/servers/[server]/entries/[id]", regex: "^/api/servers/([^/]+?)/entries/([^/]+?)(?:/)?$" },
    { page: "/entries/[id]", regex: "^/entries/([^/]+?)(?:/)?$" },
    { page: "broken" },
  ],
});

describe("routeLabel", () => {
  it("names the route pattern, never the values in the path", () => {
    expect(routeLabel("/api/servers/foo/entries?pageSize=5", routes)).toBe("/api/servers/[server]/entries");
    expect(routeLabel("/api/servers/bar/entries/abc-123", routes)).toBe("/api/servers/[server]/entries/[id]");
    expect(routeLabel("/entries/abc", routes)).toBe("/entries/[id]");
  });

  it("prefers a static route and ignores a trailing slash", () => {
    expect(routeLabel("/entries", routes)).toBe("/entries");
    expect(routeLabel("/entries/", routes)).toBe("/entries");
    expect(routeLabel("/", routes)).toBe("/");
  });

  it("groups assets and puts everything else under one label", () => {
    expect(routeLabel("/_next/static/chunks/app.js", routes)).toBe("/_next/static");
    expect(routeLabel("/_next/image?url=x", routes)).toBe("/_next");
    expect(routeLabel("/wp-admin/setup.php", routes)).toBe("unmatched");
    expect(routeLabel("/api/servers/foo/entries/abc/extra", routes)).toBe("unmatched");
  });

  it("skips manifest rows without a regex", () => {
    expect(routes.map((r) => r.page)).not.toContain("broken");
    expect(compileRoutes(null)).toEqual([]);
  });
});

describe("methodLabel", () => {
  it("keeps standard methods and folds the rest", () => {
    expect(methodLabel("PATCH")).toBe("PATCH");
    expect(methodLabel("PROPFIND")).toBe("other");
    expect(methodLabel(undefined)).toBe("other");
  });
});
