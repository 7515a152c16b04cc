import { links } from "@/lib/links";

/** The console's sections, in navigation order; `href` carries the selected server (if any). */
type NavItem = { path: string; label: string; href: (server?: string) => string };

export const navItems: readonly NavItem[] = [
  { path: "/", label: "Overview", href: () => links.overview() },
  { path: "/entries", label: "Entries", href: (server) => links.entries(server) },
  { path: "/entries/code", label: "Entries as code", href: (server) => links.entriesAsCode(server) },
  { path: "/agents", label: "Agents", href: (server) => links.agents(server) },
  { path: "/federation", label: "Federation", href: (server) => links.federation(server) },
  { path: "/expiry", label: "Expiry", href: () => links.expiry() },
  { path: "/authorities", label: "Authorities", href: (server) => links.authorities(server) },
  { path: "/telemetry", label: "What SPIRE says", href: (server) => links.telemetry(server) },
  { path: "/cleanup", label: "Clean-up", href: (server) => links.cleanup(server) },
  { path: "/kubernetes", label: "Kubernetes", href: () => links.kubernetes() },
  { path: "/controller-manager", label: "Controller manager", href: () => links.controllerManager() },
  { path: "/troubleshoot", label: "Troubleshoot", href: (server) => links.troubleshoot({ server }) },
  { path: "/alerts", label: "Alerts", href: () => links.alerts() },
];

/** Sections only admins see. */
export const adminNavItems: readonly NavItem[] = [
  { path: "/audit", label: "Audit log", href: () => links.audit() },
  { path: "/settings/tokens", label: "API tokens", href: (server) => links.apiTokens(server) },
];
