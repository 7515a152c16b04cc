"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

import { useServerScope } from "@/components/layout/server-scope";
import { fetchSearch } from "@/lib/query/api";
import { searchKeys } from "@/lib/query/keys";
import type { SearchGroup, SearchItem } from "@/lib/search/search-items";

import { matchPages, pageItems } from "./page-items";
import { PaletteResults } from "./palette-results";
import { useDebounced } from "./use-debounced";

/** Text shorter than this only searches the pages (no request). */
const MIN_QUERY = 2;

/**
 * The command palette: Ctrl+K (⌘K on a Mac) or the header's Search button opens it; typing finds
 * pages, and entries, agents, pods and trust domains across every configured server by any part
 * of an ID, selector value, hint or pod name. Arrow keys choose, Enter goes there, Escape closes
 * (focus returns to where it was).
 */
export function CommandPalette({ admin }: { admin: boolean }) {
  const router = useRouter();
  const { current } = useServerScope();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 180);
  const id = useId();

  const search = useQuery({
    queryKey: searchKeys.text(q),
    queryFn: ({ signal }) => fetchSearch(q, signal),
    enabled: open && q.length >= MIN_QUERY,
    staleTime: 10_000,
  });

  const pages: SearchGroup = { kind: "page", server: null, title: "Pages", total: 0, items: [] };
  pages.items = matchPages(pageItems(current, admin), text.trim()).slice(0, text.trim() ? 5 : 12);
  pages.total = pages.items.length;
  const remote = q.length >= MIN_QUERY && q === text.trim() ? (search.data?.groups ?? []) : [];
  const groups = [pages, ...remote].filter((g) => g.items.length > 0);
  const items = groups.flatMap((g) => g.items);
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        show();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function show() {
    const element = dialog.current;
    if (!element || element.open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setText("");
    setActive(0);
    setOpen(true);
    element.showModal();
  }

  function hide() {
    dialog.current?.close();
  }

  function go(item: SearchItem | undefined) {
    if (!item) return;
    opener.current = null;
    hide();
    router.push(item.href);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + items.length) % Math.max(items.length, 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      go(items[activeIndex]);
    }
  }

  const waiting = q !== text.trim() || search.isFetching;
  return (
    <>
      <button
        type="button"
        onClick={show}
        className="inline-flex h-9 w-full max-w-xs items-center gap-2 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-600 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600 sm:px-3"
        data-testid="open-search"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="currentColor">
          <path d="M8.5 2a6.5 6.5 0 0 1 5.2 10.4l4 4-1.4 1.4-4-4A6.5 6.5 0 1 1 8.5 2zm0 2a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9z" />
        </svg>
        <span className="truncate">Search</span>
        <kbd className="ml-auto hidden rounded border border-slate-300 px-1.5 font-sans text-xs text-slate-600 md:inline">
          Ctrl K
        </kbd>
        <span className="sr-only"> (Ctrl+K or ⌘K)</span>
      </button>
      <dialog
        ref={dialog}
        aria-label="Search the console"
        onClose={() => {
          setOpen(false);
          if (opener.current?.isConnected) opener.current.focus();
        }}
        className="m-auto mt-[10vh] w-[42rem] max-w-[calc(100vw-1.5rem)] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-ink-950/50"
      >
        {open ? (
          <div className="flex max-h-[75vh] flex-col">
            <div className="flex items-center gap-2 border-b border-slate-200 px-3">
              <label htmlFor={`${id}-input`} className="sr-only">
                Search entries, agents, pods, trust domains and pages
              </label>
              <input
                id={`${id}-input`}
                autoFocus
                role="combobox"
                aria-expanded={items.length > 0}
                aria-controls={`${id}-list`}
                aria-activedescendant={items.length ? `${id}-option-${activeIndex}` : undefined}
                aria-autocomplete="list"
                autoComplete="off"
                spellCheck={false}
                value={text}
                onChange={(event) => {
                  setText(event.target.value);
                  setActive(0);
                }}
                onKeyDown={onKeyDown}
                placeholder="Search by any part of an ID, selector, hint or pod name…"
                className="h-12 min-w-0 flex-1 bg-transparent text-base text-slate-900 placeholder:text-slate-500 focus:outline-none"
              />
              <button
                type="button"
                onClick={hide}
                className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
              >
                Esc<span className="sr-only"> (close search)</span>
              </button>
            </div>
            <PaletteResults
              id={id}
              groups={groups}
              activeIndex={activeIndex}
              onPick={go}
              onHover={setActive}
              status={
                search.isError
                  ? `Search failed: ${search.error.message}`
                  : waiting && text.trim().length >= MIN_QUERY
                    ? "Searching…"
                    : text.trim().length >= MIN_QUERY && remote.length === 0
                      ? `Nothing on any server matches “${text.trim()}”.`
                      : null
              }
              problems={q === text.trim() ? (search.data?.problems ?? []) : []}
            />
          </div>
        ) : null}
      </dialog>
    </>
  );
}
