"use client";

import { useEffect, useRef, useState } from "react";

import { SESSION_ENDED } from "@/lib/query/fetch-json";

/**
 * Keeps a form's unsaved values across a sign-in: when the session ends (a 401), the values are
 * put in sessionStorage under `key`; when the form mounts again after signing in, they are
 * restored once (and removed). Returns whether values were restored.
 */
export function useFormDraft<T>(key: string, values: T, restore: (saved: T) => void): boolean {
  const [restored, setRestored] = useState(false);
  const latest = useRef(values);
  useEffect(() => {
    latest.current = values;
  }, [values]);
  useEffect(() => {
    const storageKey = `spire-console:draft:${key}`;
    const saved = sessionStorage.getItem(storageKey);
    if (saved !== null) {
      sessionStorage.removeItem(storageKey);
      try {
        restore(JSON.parse(saved) as T);
        // sessionStorage exists only in the browser, so the one-time restore runs after hydration.
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setRestored(true);
      } catch {
        // A draft that no longer parses is dropped.
      }
    }
    const save = () => sessionStorage.setItem(storageKey, JSON.stringify(latest.current));
    window.addEventListener(SESSION_ENDED, save);
    return () => window.removeEventListener(SESSION_ENDED, save);
    // Restoring happens once per mount; `restore` may change identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return restored;
}
