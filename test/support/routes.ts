// The console's routes and pages as found on disk, with concrete URLs to call them by: the
// inventory the sign-in tests walk, so a new route or page is covered without being listed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { repoRoot } from "../../scripts/lib/console-server.ts";

export type RouteFile = {
  file: string;
  route: string;
  methods: string[];
  /** The action each method's withApi declares (absent for routes outside withApi). */
  actions: Record<string, string>;
};

const sample: Record<string, string> = {
  server: "foo",
  id: "00000000-0000-4000-8000-000000000000",
  agentId: encodeURIComponent("spiffe://foo.example.com/spire/agent/join_token/nope"),
  trustDomain: "bar.example.com",
  name: "shop-mesh",
  kind: "x509",
  step: "prepare",
  "...path": "no/such/route",
};

function walk(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return walk(full, name);
    return entry === name ? [full] : [];
  });
}

/** `/api/servers/[server]/entries` for `app/api/servers/[server]/entries/route.ts` (route groups dropped). */
function routeOf(file: string, name: string): string {
  const rel = path.relative(path.join(repoRoot, "app"), path.dirname(file));
  const segments = rel === "" ? [] : rel.split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`.replace(/\/$/, "") || (name === "page.tsx" ? "/" : "");
}

/** A URL for a route with sample values for its dynamic segments. */
export function sampleUrl(route: string): string {
  return route.replace(/\[([^\]]+)\]/g, (_m, key: string) => {
    const value = sample[key];
    if (value === undefined)
      throw new Error(`no sample value for [${key}] in ${route}: add one to test/support/routes.ts`);
    return value;
  });
}

/** Every route.ts under app/: its methods (exported handlers) and declared action. */
export function routeFiles(): RouteFile[] {
  return walk(path.join(repoRoot, "app"), "route.ts").map((file) => {
    const text = readFileSync(file, "utf8");
    const methods = new Set<string>();
    for (const m of text.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
    for (const m of text.matchAll(/export \{([^}]*)\}/g)) {
      for (const part of m[1]!.split(",")) {
        const name = /as (GET|POST|PUT|PATCH|DELETE)\b/.exec(part)?.[1];
        if (name) methods.add(name);
      }
    }
    const actions: Record<string, string> = {};
    for (const m of text.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = withApi\(\s*\{\s*action: "([a-z.]+)"/g)) {
      actions[m[1]!] = m[2]!;
    }
    const shared = /const (\w+) = withApi\(\s*\{\s*action: "([a-z.]+)"/.exec(text);
    for (const method of methods) if (!actions[method] && shared) actions[method] = shared[2]!;
    return { file: path.relative(repoRoot, file), route: routeOf(file, "route.ts"), methods: [...methods], actions };
  });
}

/** Every page.tsx under app/, as routes. */
export function pageFiles(): { file: string; route: string }[] {
  return walk(path.join(repoRoot, "app"), "page.tsx").map((file) => ({
    file: path.relative(repoRoot, file),
    route: routeOf(file, "page.tsx"),
  }));
}
