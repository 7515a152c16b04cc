import type { Action } from "./actions";

/** What a page needs: its action, and whether it shows one server (`?server=`) or spans all of them. */
export type PageAccess = { action: Action; perServer: boolean };

/**
 * Every console page and what it takes to open it: the pages' one declaration, read by the
 * layout (so a direct visit to a forbidden page answers 403 before anything streams) and by the
 * page itself (client-side navigations). A page missing here can be opened by nobody.
 */
export const pageAccess: Readonly<Record<string, PageAccess>> = {
  "/": { action: "servers.read", perServer: false },
  "/entries": { action: "entries.read", perServer: true },
  "/entries/[id]": { action: "entries.read", perServer: true },
  "/entries/[id]/edit": { action: "entries.write", perServer: true },
  "/entries/new": { action: "entries.write", perServer: true },
  "/entries/import": { action: "entries.write", perServer: true },
  "/entries/code": { action: "entries.read", perServer: true },
  "/agents": { action: "agents.read", perServer: true },
  "/agents/[agentId]": { action: "agents.read", perServer: true },
  "/federation": { action: "federation.read", perServer: true },
  "/expiry": { action: "expiry.read", perServer: false },
  "/authorities": { action: "expiry.read", perServer: true },
  "/telemetry": { action: "servers.read", perServer: true },
  "/cleanup": { action: "entries.read", perServer: true },
  "/controller-manager": { action: "kubernetes.read", perServer: false },
  "/controller-manager/[name]": { action: "kubernetes.read", perServer: false },
  "/kubernetes": { action: "kubernetes.read", perServer: false },
  "/kubernetes/no-identity": { action: "kubernetes.read", perServer: false },
  "/troubleshoot": { action: "troubleshoot.read", perServer: true },
  "/settings/tokens": { action: "tokens.manage", perServer: false },
  "/settings/access": { action: "session", perServer: false },
  "/audit": { action: "audit.read", perServer: false },
  "/alerts": { action: "alerts.read", perServer: false },
};

/** The page route a pathname belongs to (static segments win over `[param]` ones), or null. */
export function matchPage(pathname: string): { route: string; access: PageAccess } | null {
  const segments = pathname.split("/").filter(Boolean);
  let best: { route: string; access: PageAccess; params: number } | null = null;
  for (const [route, access] of Object.entries(pageAccess)) {
    const pattern = route.split("/").filter(Boolean);
    if (pattern.length !== segments.length) continue;
    if (!pattern.every((p, i) => (p.startsWith("[") ? segments[i] !== "" : p === segments[i]))) continue;
    const params = pattern.filter((p) => p.startsWith("[")).length;
    if (!best || params < best.params) best = { route, access, params };
  }
  return best && { route: best.route, access: best.access };
}
