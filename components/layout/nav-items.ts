/** The console's sections, in navigation order. */
export const navItems = [
  { href: "/", label: "Overview" },
  { href: "/entries", label: "Entries" },
  { href: "/agents", label: "Agents" },
  { href: "/federation", label: "Federation" },
  { href: "/expiry", label: "Expiry" },
  { href: "/kubernetes", label: "Kubernetes" },
  { href: "/troubleshoot", label: "Troubleshoot" },
] as const;

/** Sections only admins see. */
export const adminNavItems = [{ href: "/settings/tokens", label: "API tokens" }] as const;
