"use client";

import { useId } from "react";

import { PaletteResults } from "./palette-results";
import { useCommandPalette } from "./use-command-palette";

/**
 * The command palette: Ctrl+K (⌘K on a Mac) or the header's Search button opens it; typing finds
 * pages, and entries, agents, pods and trust domains across every configured server by any part
 * of an ID, selector value, hint or pod name. Arrow keys choose, Enter goes there, Escape closes
 * (focus returns to where it was). The state is in `useCommandPalette`.
 */
export function CommandPalette({ admin }: { admin: boolean }) {
  const { dialog, open, text, groups, items, activeIndex, status, problems, ...act } = useCommandPalette(admin);
  const id = useId();
  return (
    <>
      <SearchButton onClick={act.show} />
      <dialog
        ref={dialog}
        aria-label="Search the console"
        onClose={act.onClose}
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
                onChange={(event) => act.onType(event.target.value)}
                onKeyDown={act.onKeyDown}
                placeholder="Search by any part of an ID, selector, hint or pod name…"
                className="h-12 min-w-0 flex-1 bg-transparent text-base text-slate-900 placeholder:text-slate-500 focus:outline-none"
              />
              <button
                type="button"
                onClick={act.hide}
                className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
              >
                Esc<span className="sr-only"> (close search)</span>
              </button>
            </div>
            <PaletteResults
              id={id}
              groups={groups}
              activeIndex={activeIndex}
              onPick={act.go}
              onHover={act.setActive}
              status={status}
              problems={problems}
            />
          </div>
        ) : null}
      </dialog>
    </>
  );
}

/** The header's Search button (with the Ctrl K hint). */
function SearchButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
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
  );
}
