"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/format/cn";

import { adminNavItems, navItems } from "./nav-items";
import { useServerScope } from "./server-scope";

/** The section a pathname belongs to: the longest section path it is under (`/entries/code` is not `/entries`). */
function activeSection(pathname: string, items: readonly { path: string }[]): string | null {
  const under = (path: string) =>
    path === "/" ? pathname === "/" : pathname === path || pathname.startsWith(`${path}/`);
  return items
    .filter((i) => under(i.path))
    .reduce<string | null>((a, i) => (a && a.length >= i.path.length ? a : i.path), null);
}

/** Section links, carrying the server the user is on from page to page. Admins also see settings. */
export function SidebarNav({ admin, onNavigate }: { admin: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  const { current } = useServerScope();
  const items = [...navItems, ...(admin ? adminNavItems : [])];
  const activePath = activeSection(pathname, items);
  return (
    <nav aria-label="Sections" className="flex flex-col gap-0.5">
      {items.map((item) => {
        const active = item.path === activePath;
        return (
          <Link
            key={item.path}
            href={item.href(current || undefined)}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-sky-400",
              active ? "bg-ink-800 font-medium text-ink-50" : "text-ink-300 hover:bg-ink-800/60 hover:text-ink-50",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
