"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type KeyboardEvent as ReactKeyboardEvent, useEffect, useRef, useState } from "react";

import { useServerScope } from "@/components/layout/server-scope";
import { fetchSearch } from "@/lib/query/api";
import { searchKeys } from "@/lib/query/keys";
import type { SearchGroup, SearchItem } from "@/lib/search/search-items";

import { matchPages, pageItems } from "./page-items";
import { useDebounced } from "./use-debounced";

/** Text shorter than this only searches the pages (no request). */
const MIN_QUERY = 2;

/**
 * The command palette's state: open or closed (Ctrl+K / ⌘K opens it, focus returns to the opener),
 * the typed text, the page matches and the server's search answer (debounced), the active option
 * and what the keys do, and the status line to show.
 */
export function useCommandPalette(admin: boolean) {
  const router = useRouter();
  const { current } = useServerScope();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const typed = text.trim();
  const q = useDebounced(typed, 180);

  const search = useQuery({
    queryKey: searchKeys.text(q),
    queryFn: ({ signal }) => fetchSearch(q, signal),
    enabled: open && q.length >= MIN_QUERY,
    staleTime: 10_000,
  });

  const pageMatches = matchPages(pageItems(current, admin), typed).slice(0, typed ? 5 : 12);
  const pages: SearchGroup = {
    kind: "page",
    server: null,
    title: "Pages",
    total: pageMatches.length,
    items: pageMatches,
  };
  const settled = q === typed;
  const remote = q.length >= MIN_QUERY && settled ? (search.data?.groups ?? []) : [];
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

  /** The dialog closed (Escape, the close button, or going somewhere): focus goes back to the opener. */
  function onClose() {
    setOpen(false);
    if (opener.current?.isConnected) opener.current.focus();
  }

  function go(item: SearchItem | undefined) {
    if (!item) return;
    opener.current = null;
    hide();
    router.push(item.href);
  }

  function onType(value: string) {
    setText(value);
    setActive(0);
  }

  function onKeyDown(event: ReactKeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + items.length) % Math.max(items.length, 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      go(items[activeIndex]);
    }
  }

  const long = typed.length >= MIN_QUERY;
  const status = search.isError
    ? `Search failed: ${search.error.message}`
    : (!settled || search.isFetching) && long
      ? "Searching…"
      : long && remote.length === 0
        ? `Nothing on any server matches “${typed}”.`
        : null;

  return {
    dialog,
    open,
    text,
    groups,
    items,
    activeIndex,
    status,
    problems: settled ? (search.data?.problems ?? []) : [],
    show,
    hide,
    onClose,
    go,
    onType,
    onKeyDown,
    setActive,
  };
}
