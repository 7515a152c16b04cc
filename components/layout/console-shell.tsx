"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";

import { cn } from "@/lib/format/cn";

import { SidebarNav } from "./sidebar-nav";
import { useHashTarget } from "./use-hash-target";

/**
 * The page frame: a skip link, the navigation (a fixed column from 1024 px, a drawer opened
 * from the header's menu button below that), the header and the main content. The drawer
 * closes on navigation, on Escape and on a click beside it, and gives focus back to the button.
 */
export function ConsoleShell(props: {
  /** Admins also see the settings sections. */
  admin: boolean;
  navFooter: ReactNode;
  header: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const pathname = usePathname();
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  useHashTarget();
  // A navigation closes the drawer (the path it was opened on is no longer the current one).
  if (open && openedAt !== pathname) setOpen(false);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a, button")?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-sky-800 shadow focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
      >
        Skip to content
      </a>
      {open ? (
        <button
          type="button"
          tabIndex={-1}
          aria-hidden="true"
          className="fixed inset-0 z-30 bg-ink-950/50 lg:hidden"
          onClick={close}
        />
      ) : null}
      <aside
        ref={panel}
        id="console-nav"
        aria-label="Console navigation"
        className={cn(
          "w-64 shrink-0 bg-ink-900 lg:block lg:w-52",
          open ? "fixed inset-y-0 left-0 z-40 block overflow-y-auto" : "hidden",
        )}
      >
        <div className="flex min-h-full flex-col gap-6 px-3 py-4 lg:sticky lg:top-0 lg:h-screen lg:min-h-0">
          <div className="px-3 text-base font-semibold tracking-tight text-ink-50">SPIRE Console</div>
          <SidebarNav admin={props.admin} onNavigate={() => setOpen(false)} />
          <div className="mt-auto">{props.navFooter}</div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 flex h-14 items-center gap-2 border-b border-slate-200 bg-white px-3 sm:gap-4 lg:px-6">
          <button
            ref={toggle}
            type="button"
            className="inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 lg:hidden"
            aria-expanded={open}
            aria-controls="console-nav"
            onClick={() => {
              setOpenedAt(pathname);
              setOpen((o) => !o);
            }}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
              <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
            </svg>
            <span className="sr-only">Menu</span>
          </button>
          {props.header}
        </header>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-3 py-4 focus:outline-none sm:px-6 sm:py-6">
          {props.children}
        </main>
      </div>
    </div>
  );
}
