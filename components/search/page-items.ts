import { adminNavItems, navItems } from "@/components/layout/nav-items";
import { links } from "@/lib/links";
import type { SearchItem } from "@/lib/search/search-items";

/** The console's pages and everyday actions as palette items, for the server the user is on. */
export function pageItems(server: string, admin: boolean): SearchItem[] {
  const sections = [...navItems, ...(admin ? adminNavItems : [])].map((item) => ({
    kind: "page" as const,
    label: item.label,
    detail: "Page",
    href: item.href(server || undefined),
  }));
  if (!server) return sections;
  return [
    ...sections,
    { kind: "page", label: "New entry", detail: `Create an entry on ${server}`, href: links.newEntry(server) },
    {
      kind: "page",
      label: "Import / export entries",
      detail: `Import, export and bulk delete on ${server}`,
      href: links.importEntries(server),
    },
    {
      kind: "page",
      label: "Orphaned entries",
      detail: `Entries on ${server} with no parent`,
      href: links.entries(server, { expand: "orphans" }),
    },
  ];
}

/** Pages whose name or description contains every word of `text` (all of them for no text). */
export function matchPages(items: readonly SearchItem[], text: string): SearchItem[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => words.every((w) => `${item.label} ${item.detail}`.toLowerCase().includes(w)));
}
