"use client";

import { useState } from "react";

import { nextThemeChoice, THEME_COOKIE, type ThemeChoice, themeClass } from "@/lib/theme/theme-choice";

const labels: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };

const icons: Record<ThemeChoice, string> = {
  system: "M3 4h14v9H3zM7 15h6v2H7z",
  light: "M10 6a4 4 0 1 1 0 8 4 4 0 0 1 0-8zM9 1h2v3H9zM9 16h2v3H9zM1 9h3v2H1zM16 9h3v2h-3z",
  dark: "M13 2a8 8 0 1 0 5 13A7 7 0 0 1 13 2z",
};

/**
 * Light, dark, or following the system setting (the default). The choice is kept in a cookie so
 * the server renders the next page in it; the page switches at once by its class on `<html>`.
 */
export function ThemeToggle({ initial }: { initial: ThemeChoice }) {
  const [choice, setChoice] = useState(initial);
  function cycle() {
    const next = nextThemeChoice(choice);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    const cls = themeClass(next);
    if (cls) root.classList.add(cls);
    setChoice(next);
  }
  return (
    <button
      type="button"
      onClick={cycle}
      className="inline-flex h-9 shrink-0 items-center gap-1.5 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
      data-testid="theme-toggle"
      data-theme={choice}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
        <path d={icons[choice]} />
      </svg>
      <span className="sr-only">Theme: </span>
      <span className="sr-only sm:not-sr-only">{labels[choice]}</span>
    </button>
  );
}
