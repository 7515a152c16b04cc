"use client";

import { useSearchParams } from "next/navigation";
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";

import { cn } from "@/lib/format/cn";

/** The tab named by `?<param>=` when it is one of the tabs, else the first. */
function useInitialTab(tabs: readonly { id: string }[], param: string | undefined): string {
  const named = useSearchParams().get(param ?? "");
  return tabs.some((t) => t.id === named) ? named! : (tabs[0]?.id ?? "");
}

/**
 * Tabs (WAI-ARIA tabs pattern): arrow keys move between tabs, one panel shows at a time. With `param`, the
 * open tab is kept in the URL (`?tab=history`), so a reload, Back or a shared link opens the same tab.
 */
export function Tabs({
  label,
  tabs,
  param,
}: {
  label: string;
  tabs: { id: string; title: string; content: ReactNode }[];
  param?: string;
}) {
  const initial = useInitialTab(tabs, param);
  const [active, setActiveState] = useState(initial);
  const setActive = (id: string) => {
    setActiveState(id);
    if (!param) return;
    const url = new URL(window.location.href);
    if (id === tabs[0]?.id) url.searchParams.delete(param);
    else url.searchParams.set(param, id);
    window.history.replaceState(window.history.state, "", url);
  };
  const base = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = (index + step + tabs.length) % tabs.length;
    setActive(tabs[next]!.id);
    buttons.current[next]?.focus();
  };
  return (
    <div>
      <div role="tablist" aria-label={label} className="mb-4 flex gap-1 border-b border-slate-200">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`${base}-panel-${tab.id}`}
            tabIndex={active === tab.id ? 0 : -1}
            onClick={() => setActive(tab.id)}
            onKeyDown={(e) => onKey(e, i)}
            className={cn(
              "-mb-px border-b-2 px-3 py-1.5 text-sm font-medium",
              active === tab.id
                ? "border-sky-700 text-sky-900"
                : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {tab.title}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={active !== tab.id}
        >
          {active === tab.id ? tab.content : null}
        </div>
      ))}
    </div>
  );
}
