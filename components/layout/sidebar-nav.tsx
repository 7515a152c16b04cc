"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

import { cn } from "@/lib/format/cn";

import { adminNavItems, navItems } from "./nav-items";

/** Section links; the selected server (`?server=`) is carried from page to page. Admins also see settings. */
export function SidebarNav({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  const server = useSearchParams().get("server") ?? undefined;
  return (
    <nav aria-label="Sections" className="flex flex-col gap-0.5">
      {[...navItems, ...(admin ? adminNavItems : [])].map((item) => {
        const active = item.path === "/" ? pathname === "/" : pathname.startsWith(item.path);
        return (
          <Link
            key={item.path}
            href={item.href(server)}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm",
              active ? "bg-slate-800 font-medium text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
